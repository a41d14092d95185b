// Evaluated once in every new sandbox context, before any user script. It freezes every
// intrinsic reachable from the global object (and the hidden ones: iterator, generator and async
// prototypes) and the global object itself, so no run can change what a later run sees: prototype
// pollution throws a TypeError (scripts run in strict mode). It returns the check that a script
// body parses on its own as a function body, so the body cannot close the wrapper function and
// declare something in the context's global scope.
(function () {
  'use strict';
  const FunctionConstructor = Function;
  const seen = new Set();
  const freeze = (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) {
      return;
    }
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const property = Reflect.getOwnPropertyDescriptor(value, key);
      if (property === undefined) {
        continue;
      }
      if ('value' in property) {
        freeze(property.value);
      } else {
        freeze(property.get);
        freeze(property.set);
      }
    }
    freeze(Reflect.getPrototypeOf(value));
  };
  for (const name of ['print', 'printErr', 'console', 'load', 'loadWithNewGlobal', 'quit', 'exit', 'Polyglot', 'Java', 'Graal']) {
    try { delete globalThis[name]; } catch (ignored) { /* non-configurable: frozen below */ }
  }
  // RegExp.$1, RegExp.lastMatch, ...: legacy accessors that would hand one run's last match to the next.
  for (const name of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&',
    'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"]) {
    try { delete RegExp[name]; } catch (ignored) { /* not configurable: stays, frozen below */ }
  }
  freeze(globalThis);
  const hidden = [
    function* () {}, async function () {}, async function* () {}, (function* () {})(), (async function* () {})(),
    [][Symbol.iterator](), new Map().entries(), new Set().values(), ''[Symbol.iterator](), /a/[Symbol.matchAll]('a'),
    Promise.resolve(),
  ];
  for (const value of hidden) {
    freeze(Reflect.getPrototypeOf(value));
  }
  return function check(body) {
    FunctionConstructor('state', 'action', 'log', 'request', 'callbacks', 'http', 'secrets', 'util',
      '"use strict";\n' + body);
    return true;
  };
})()
