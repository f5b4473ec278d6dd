import { FloodMeter } from './flood-meter';

describe('FloodMeter', () => {
  it.each([
    // messages, ms apart, flooded at message (0: never)
    [21, 100, 21],
    [20, 0, 0],
    [40, 1000, 0],
    [40, 500, 0],
    [40, 400, 21],
    [30, 0, 21],
  ])('with %i messages %i ms apart, trips at message %i (limit 20 per 10 s)', (messages, gapMs, tripsAt) => {
    const meter = new FloodMeter(20, 10_000);
    const trips = Array.from({ length: messages }, (_, k) => meter.hit(k * gapMs));
    expect(trips.indexOf(true) + 1).toBe(tripsAt);
  });

  it('forgives messages once they leave the window', () => {
    const meter = new FloodMeter(20, 10_000);
    for (let k = 0; k < 20; k++) meter.hit(k);
    expect(meter.hit(9_999)).toBe(true);
    expect(meter.hit(10_020)).toBe(false);
  });
});
