import { readFileSync } from 'node:fs';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

/**
 * Lists the file names in a zip archive by reading its central directory.
 * Throws when the file has no end-of-central-directory record or an entry is malformed.
 * NOTE: ZIP64 archives (more than 65,535 entries or over 4 GiB) are not read. Lambda limits the
 * unzipped code of a function to 250 MB, so only the entry count could reach ZIP64.
 */
export function zipEntryNames(zipPath: string): string[] {
  const zip = readFileSync(zipPath);
  const end = findEndRecord(zip, zipPath);
  const entryCount = zip.readUInt16LE(end + 10);
  const names: string[] = [];

  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entryCount; index += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`Malformed zip ${zipPath}: no central directory entry at byte ${offset}`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }

  return names;
}

function findEndRecord(zip: Buffer, zipPath: string): number {
  const lowest = Math.max(0, zip.length - END_RECORD_MIN_BYTES - MAX_COMMENT_BYTES);
  for (let offset = zip.length - END_RECORD_MIN_BYTES; offset >= lowest; offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      return offset;
    }
  }

  throw new Error(`Malformed zip ${zipPath}: no end-of-central-directory record in the last ${END_RECORD_MIN_BYTES + MAX_COMMENT_BYTES} bytes`);
}
