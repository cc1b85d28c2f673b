/** Reading and writing a case by its dotted field path: the core's own functions (core/model/access.ts). */
export { getAt, setAt } from '../../../../core/model/access';
