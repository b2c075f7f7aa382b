import type { Picture } from '../lib/schemas.ts'

interface Props {
  picture: Picture
  /** `sizes` for the srcset: how wide the image is shown. */
  sizes?: string
  /** Above the fold: load at once. Everything else is lazy. */
  eager?: boolean
  className?: string
  /** Decorative next to a text that says the same: empty alt. */
  decorative?: boolean
}

/** A picture of the media library with its responsive sizes. */
export function Img({
  picture,
  sizes = '(max-width: 40rem) 100vw, 24rem',
  eager,
  className,
  decorative,
}: Props) {
  return (
    <img
      className={className}
      src={picture.src}
      srcSet={picture.srcset || undefined}
      sizes={picture.srcset ? sizes : undefined}
      width={picture.width}
      height={picture.height}
      alt={decorative ? '' : picture.alt}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={eager ? 'high' : undefined}
    />
  )
}
