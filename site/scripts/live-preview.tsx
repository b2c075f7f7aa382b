/**
 * Hydrates the live preview page (site/pages/preview/): the build rendered <LivePreview> as its empty
 * shell; from here on React keeps it, and the editor's changes arrive from the admin window.
 */
import { hydrateRoot } from 'react-dom/client'

import { LivePreview } from '../components/preview/LivePreview.tsx'

const root = document.getElementById('live-preview')
if (root?.dataset.cms) hydrateRoot(root, <LivePreview cmsUrl={root.dataset.cms} />)
