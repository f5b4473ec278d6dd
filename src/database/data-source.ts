import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** Entry point for the TypeORM CLI (`npm run migration:generate`); the app builds the same options. */
export default new DataSource(buildDataSourceOptions(loadConfig().database));
