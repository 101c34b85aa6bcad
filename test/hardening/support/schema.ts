import { readFileSync } from 'fs';
import { buildSchema, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isLeafType, getNamedType, GraphQLField } from 'graphql';
import { join } from 'path';

/** The committed schema (apps/api/schema.gql): a test elsewhere fails when it drifts from the code. */
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '../../../apps/api/schema.gql'), 'utf8'));
}

export function rootFields(schema: GraphQLSchema, root: 'Query' | 'Mutation'): Array<GraphQLField<unknown, unknown>> {
  const t = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return t ? Object.values(t.getFields()) : [];
}

/** The smallest selection that is valid for a field's type: nothing for leaves, `__typename` otherwise. */
export function minimalSelection(type: GraphQLNamedType): string {
  return isLeafType(type) ? '' : ' { __typename }';
}

/** `mutation($a: T!, ...) { op(a: $a, ...) { __typename } }` for a root field, variables for every argument. */
export function operationDocument(schema: GraphQLSchema, root: 'Query' | 'Mutation', name: string, only?: string[]): string {
  const field = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name];
  if (!field) throw new Error(`${root}.${name} is not in the schema`);
  const args = field.args.filter((a) => !only || only.includes(a.name));
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
  const pass = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return `${root.toLowerCase()}${decl} { ${name}${pass}${minimalSelection(getNamedType(field.type))} }`;
}

export function hasField(schema: GraphQLSchema, typeName: string, field: string): boolean {
  const t = schema.getType(typeName);
  return t instanceof GraphQLObjectType && field in t.getFields();
}
