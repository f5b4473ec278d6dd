/** The small part of jstat (no published types) that the evaluation statistics use. */
declare module 'jstat' {
  interface StudentTDistribution {
    cdf(x: number, degreesOfFreedom: number): number;
    pdf(x: number, degreesOfFreedom: number): number;
    inv(probability: number, degreesOfFreedom: number): number;
  }

  interface NormalDistribution {
    cdf(x: number, mean: number, standardDeviation: number): number;
    inv(probability: number, mean: number, standardDeviation: number): number;
  }

  export const jStat: {
    studentt: StudentTDistribution;
    normal: NormalDistribution;
  };
}
