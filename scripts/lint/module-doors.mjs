// ESLint rule `relaydesk/module-doors`: an API module is used only through its door.
//
// Under apps/api/src/modules/<m>/, every module has an index.ts that exports what the others may
// use. A file of module A may import module B only from B's index (`../b/index.js`); reaching
// into B's entities, DTOs or helpers is refused. Code in common/ and config/ sits below every
// module and imports none. The composition roots (app.module.ts, main.ts, create-app.ts and
// database/, which lists the entities and migrations and builds the demo data) and tests may
// import anything.
import path from 'node:path';

const API_SRC = `${path.sep}apps${path.sep}api${path.sep}src${path.sep}`;

/** Where a file sits: the API module it belongs to, or the shared layer below the modules. */
export function placeOf(file) {
  const i = file.lastIndexOf(API_SRC);
  if (i < 0) return null;
  const rest = file.slice(i + API_SRC.length).split(path.sep);
  if (rest[0] === 'modules' && rest.length > 2) {
    return { kind: 'module', name: rest[1], root: file.slice(0, i + API_SRC.length) + 'modules' };
  }
  if (rest[0] === 'common' || rest[0] === 'config') return { kind: 'shared', name: rest[0] };
  return null;
}

/** The module a resolved import target belongs to, and whether it is that module's door. */
function targetOf(target, modulesRoot) {
  const rel = path.relative(modulesRoot, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length < 2) return null;
  const door = parts.length === 2 && /^index(\.[jt]s)?$/.test(parts[1]);
  return { name: parts[0], door };
}

export const moduleDoors = {
  meta: {
    type: 'problem',
    docs: { description: 'API modules import each other only through their index.ts door' },
    messages: {
      deep: "'{{target}}' reaches into the {{module}} module: import it from '{{door}}' (export it there if other modules may use it).",
      shared:
        "{{layer}}/ sits below the modules and may not import the {{module}} module ('{{target}}').",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const place = placeOf(file);
    if (!place) return {};
    const modulesRoot =
      place.kind === 'module'
        ? place.root
        : path.join(file.slice(0, file.lastIndexOf(API_SRC) + API_SRC.length), 'modules');
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source.value);
      const t = targetOf(target, modulesRoot);
      if (!t) return;
      if (place.kind === 'shared') {
        context.report({
          node: source,
          messageId: 'shared',
          data: { layer: place.name, module: t.name, target: source.value },
        });
        return;
      }
      if (t.name === place.name || t.door) return;
      let door = path.relative(path.dirname(file), path.join(modulesRoot, t.name, 'index.js'));
      if (!door.startsWith('.')) door = `./${door}`;
      context.report({
        node: source,
        messageId: 'deep',
        data: { target: source.value, module: t.name, door: door.split(path.sep).join('/') },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { 'module-doors': moduleDoors } };
