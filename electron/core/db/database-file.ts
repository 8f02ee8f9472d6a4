/**
 * The database's files in the data folder, named with the rest of the folder in data-layout.ts: the database
 * itself, the files SQLite keeps beside it, and the folder of open-session markers (session-markers.ts).
 */
export { databaseFileName, databaseFileNames, sqliteSidecarSuffixes } from '../data-layout'
import { dataFolderNames } from '../data-layout'

export const sessionsFolderName = dataFolderNames.sessions
