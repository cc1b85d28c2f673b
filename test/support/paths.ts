/** TEST ONLY — folders of the repository the tests read from. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The repository's resources/ (fonts/): what tests pass as `resourcesDir`, as the bin script and `npm start` do. */
export const RESOURCES_DIR = path.join(REPO_ROOT, 'resources');
