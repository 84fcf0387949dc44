import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const TYPES = path.join(path.dirname(require.resolve('@hubspot/ui-extensions')), 'shared.synced/types');
/** The package's own table of extension points (not in its exports map, so loaded by path). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EXTENSION_POINT_LOCATIONS } = require(path.join(TYPES, 'extension-points.synced.js')) as {
  EXTENSION_POINT_LOCATIONS: readonly string[];
};

/** The string literals of `interface <name> { <property>: 'a' | 'b' }` in a declaration file. */
function literalUnion(file: string, name: string, property: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = source.statements.find(
    (node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === name,
  );
  const member = found?.members.find(
    (node): node is ts.PropertySignature =>
      ts.isPropertySignature(node) && ts.isIdentifier(node.name) && node.name.text === property,
  );
  const type = member?.type;
  const parts = type && ts.isUnionTypeNode(type) ? type.types : type ? [type] : [];
  return parts.flatMap((part) =>
    ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal) ? [part.literal.text] : [],
  );
}

/**
 * Where an app card can live, as @hubspot/ui-extensions 0.17 says: the locations whose extension point hands the
 * card a CRM record (`CrmContext['location']`), each one of the package's `EXTENSION_POINT_LOCATIONS`.
 */
export function cardLocations(): string[] {
  const crm = literalUnion(path.join(TYPES, 'context.synced.d.ts'), 'CrmContext', 'location');
  const all = EXTENSION_POINT_LOCATIONS;
  const unknown = crm.filter((location) => !all.includes(location));
  if (crm.length === 0 || unknown.length > 0)
    throw new Error(
      `@hubspot/ui-extensions changed: CrmContext locations [${crm}] vs extension points [${all}]`,
    );
  return crm;
}
