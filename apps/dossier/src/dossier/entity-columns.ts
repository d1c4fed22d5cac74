import { jsonColumnValue } from '@hub/persistence';
import type { EntityMetadata, ObjectLiteral } from 'typeorm';

/**
 * Entities to and from their table's columns, for statements written by hand: `{ column_name: value }` for
 * `jsonb_populate_record(set)` (a batch's rows as `jsonChunks` of them), and entities from the rows of a `SELECT *`.
 * Both follow TypeORM's metadata (a column's database name and property, embedded and relation columns through its
 * accessors), so they agree with what TypeORM itself writes and reads.
 */

/**
 * An entity as `{ column_name: value }`, the shape `jsonb_populate_record(set)` reads once it is JSON: a date column's
 * value already as its JSON text (`jsonColumnValue`), which keeps `JSON.stringify` of the row on its fast path.
 */
export function columnValuesOf<T extends ObjectLiteral>(metadata: EntityMetadata, entity: T): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [column, read] of accessorsOf(metadata)) values[column] = jsonColumnValue(read(entity));
  return values;
}

/**
 * The entities of rows read with `SELECT *` from the entity's table: each column's value as the driver hydrates it
 * (`prepareHydratedValue`, as `find` does), set on a new entity. Columns the entity does not map are ignored. Lets a
 * store read with one fixed statement and an array parameter (`code = ANY($1)`) where `find` writes `IN` with one
 * parameter per value.
 */
export function entitiesOf<T extends ObjectLiteral>(metadata: EntityMetadata, rows: readonly Record<string, unknown>[]): T[] {
  const accessors = accessorsOf(metadata);
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const [column, , write] of accessors) write(entity, row[column]);
    return entity;
  });
}

type ColumnAccessor = readonly [column: string, read: (entity: ObjectLiteral) => unknown, write: (entity: ObjectLiteral, value: unknown) => void];
const accessors = new WeakMap<EntityMetadata, ColumnAccessor[]>();

/** Per column, how to read and set its value: the property itself for a plain column, TypeORM's accessors for an embedded, relation or referencing one. */
function accessorsOf(metadata: EntityMetadata): ColumnAccessor[] {
  let list = accessors.get(metadata);
  if (!list) {
    const driver = metadata.connection.driver;
    list = metadata.columns.map((c): ColumnAccessor => {
      const plain = !c.embeddedMetadata && !c.relationMetadata && !c.referencedColumn;
      const hydrated = (value: unknown) => (value === undefined ? undefined : driver.prepareHydratedValue(value, c));
      return [
        c.databaseName,
        plain ? (entity) => entity[c.propertyName] : (entity) => c.getEntityValue(entity),
        plain ? (entity, value) => ((entity as Record<string, unknown>)[c.propertyName] = hydrated(value)) : (entity, value) => c.setEntityValue(entity, hydrated(value)),
      ];
    });
    accessors.set(metadata, list);
  }
  return list;
}
