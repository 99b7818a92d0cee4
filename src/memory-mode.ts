/**
 * Imported first by the action's entry point, for its side effect: the young generation of V8's
 * heap stays at its initial size instead of doubling as the run allocates. A workflow cannot pass
 * Node flags to an action, and the semi-space size itself is fixed when the heap is created, but V8
 * reads the growth factor each time it considers growing, so setting it here takes effect. Measured
 * with `npm run bench` (docs/performance.md): peak RSS of the 15-iteration run on 100 000 files
 * 178 MB → 133–145 MB, for 30–50 ms more before the first GitHub request (more young-generation
 * collections while the bundle loads). Set later, once the bundle has loaded, it saved only half as
 * much. `--optimize-for-size` saved more memory but slowed hot loops by half.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
