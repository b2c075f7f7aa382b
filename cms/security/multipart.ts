/**
 * Payload parses the multipart bodies of its own routes (create, update, login…) with busboy before it
 * checks access, and busboy's errors are plain Errors: a missing or unusable boundary, a body cut off
 * before its closing boundary, or a broken part header answered 500 to anyone. The gate runs the same
 * parser on the same bytes as they stream past Payload (nothing is kept: files are drained, fields
 * dropped), so it knows afterwards whether the body was malformed and can answer 400 instead.
 */
import Busboy from 'busboy'

/** Payload's test (utilities/addDataAndFileToRequest): the media type before any `;` names multipart. */
export const parsedAsMultipart = (contentType: string) => contentType.split(';', 1)[0].includes('multipart/')

/** Payload's own rule for a multipart request it will parse (uploads/fetchAPI-multipart/isEligibleRequest). */
const ELIGIBLE = /multipart\/[\w'"()+,./:<=>?@[\\\]^-]+(?:; ?[\w'"()+,./:<=>?@[\\\]^-]*)+$/i

export interface MultipartCheck {
  write: (chunk: Uint8Array) => void
  end: () => void
  /** Why the body is not a multipart form Payload can read; undefined while it is. */
  problem: () => string | undefined
}

/** A checker for a body of this Content-Type, or the reason the header alone is already unusable. */
export function multipartCheck(contentType: string): MultipartCheck | string {
  if (!contentType.includes('boundary=') || !ELIGIBLE.test(contentType))
    return 'the Content-Type has no usable boundary'
  let parser: Busboy.Busboy
  try {
    parser = Busboy({ headers: { 'content-type': contentType } })
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  let problem: string | undefined
  parser.on('file', (_name, file) => file.resume())
  parser.on('error', (error) => (problem ??= error instanceof Error ? error.message : String(error)))
  return {
    write: (chunk) => {
      if (!problem) parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    },
    end: () => {
      if (!problem) parser.end()
    },
    problem: () => problem,
  }
}
