import { seedTerritory } from '@ashar/territory';
import { DataSource } from 'typeorm';

/** Demo data for `npm start`: filled in as contexts land (communities, accounts, budgets). */
export async function seedDemo(ds: DataSource): Promise<Record<string, unknown>> {
  const units = await seedTerritory(ds);
  return { territorialUnitsAdded: units };
}
