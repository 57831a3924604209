/**
 * Error raised when ZIP data cannot be read: a dataset row the generator cannot parse, or an
 * encoded table that does not decode. Either means a broken build, never a bad request.
 */
export class ZipDataError extends Error {
  override readonly name = 'ZipDataError';
  readonly code = 'invalid_zip_data';
}
