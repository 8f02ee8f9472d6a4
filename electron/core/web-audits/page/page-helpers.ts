/// <reference lib="dom" />

/** Element features gathered in the page for the run-to-run fingerprint (see fingerprint.ts). Raw, unfiltered. */
export interface ElementFacts {
  tag: string
  id: string
  classes: string[]
  /** Accessible-name approximation: aria-label, alt, title, placeholder, else visible text. Whitespace-normalized. */
  name: string
  /** Absolute href / src of the element, or ''. */
  href: string
  role: string
  /** Nearest landmark: "role|label", or ''. */
  landmark: string
  landmarkId: string
  /** Text of the nearest heading before the element, or ''. */
  heading: string
  /** 1-based position among siblings with the same tag. */
  siblingIndex: number
}

export interface DescribedNode {
  selector: string
  /** Outer HTML, truncated; untrusted. */
  html: string
  facts: ElementFacts
}

export type Rgba = [number, number, number, number]

export interface PageHelpers {
  text(node: Node | null | undefined, max?: number): string
  visible(el: Element): boolean
  selector(el: Element): string
  snippet(el: Element): string
  facts(el: Element): ElementFacts
  describe(el: Element): DescribedNode
  /** Resolves an axe cross-tree selector (a string, or an array descending through shadow roots). */
  queryDeep(spec: string | string[]): Element | null
  parseColor(css: string): Rgba | null
  /** Composites `top` over an opaque `bottom`. */
  blend(top: Rgba, bottom: Rgba): Rgba
  contrast(a: Rgba, b: Rgba): number
}

/**
 * Page-side helpers. This function is sent to the page as source text (page-call.ts), so everything it needs is
 * defined inside it. The pure parts (colour maths) also run in Node for unit tests.
 */
export function pageHelpers(): PageHelpers {
  const SNIPPET_MAX = 500
  const LANDMARKS: Record<string, string> = {
    main: 'main',
    nav: 'navigation',
    aside: 'complementary',
    header: 'banner',
    footer: 'contentinfo',
    form: 'form',
    search: 'search',
  }
  const LANDMARK_ROLES = [
    'main',
    'navigation',
    'complementary',
    'banner',
    'contentinfo',
    'form',
    'search',
    'region',
  ]

  const h: PageHelpers = {
    text(node, max = 80) {
      const raw = node ? (node.textContent ?? '') : ''
      return raw.replace(/\s+/g, ' ').trim().slice(0, max)
    },
    visible(el) {
      const anyEl = el as Element & { checkVisibility?: (o: object) => boolean }
      if (typeof anyEl.checkVisibility === 'function') {
        if (!anyEl.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false
      } else if (el.getClientRects().length === 0) return false
      const r = el.getBoundingClientRect()
      // Visually hidden ("sr-only") text is 1×1 px and clipped: not something a sighted reader sees.
      return r.width > 1 && r.height > 1
    },
    selector(el) {
      if (el === document.documentElement) return 'html'
      const parts: string[] = []
      let node: Element | null = el
      while (node && node !== document.documentElement) {
        const tag = node.localName
        const root = node.getRootNode() as Document | ShadowRoot
        if (
          node.id &&
          /^[A-Za-z][\w-]*$/.test(node.id) &&
          root.querySelectorAll(`#${node.id}`).length === 1
        ) {
          parts.unshift(`#${node.id}`)
          return parts.join(' > ')
        }
        const parent: Element | null = node.parentElement
        if (!parent) {
          parts.unshift(tag)
          return parts.join(' > ')
        }
        const same = Array.from(parent.children).filter((c) => c.localName === tag)
        parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag)
        node = parent
      }
      parts.unshift('html')
      return parts.join(' > ')
    },
    snippet(el) {
      const outer = el.outerHTML
      if (outer.length <= SNIPPET_MAX) return outer
      const open = outer.slice(0, outer.indexOf('>') + 1 || SNIPPET_MAX)
      return `${open.slice(0, SNIPPET_MAX - 1)}…`
    },
    facts(el) {
      const attr = (name: string): string => (el.getAttribute(name) ?? '').replace(/\s+/g, ' ').trim()
      const labelledBy = attr('aria-labelledby')
        .split(' ')
        .map((id) => (id ? h.text(document.getElementById(id)) : ''))
        .join(' ')
        .trim()
      const value = el instanceof HTMLInputElement && /^(button|submit|reset)$/.test(el.type) ? el.value : ''
      const name = (
        attr('aria-label') ||
        labelledBy ||
        attr('alt') ||
        attr('title') ||
        attr('placeholder') ||
        value ||
        h.text(el) ||
        attr('name')
      ).slice(0, 80)
      const link = (el as HTMLAnchorElement).href ?? (el as HTMLImageElement).src ?? ''
      let landmark = ''
      let landmarkId = ''
      for (let p = el.parentElement; p; p = p.parentElement) {
        const role = p.getAttribute('role') ?? LANDMARKS[p.localName] ?? ''
        const named =
          p.localName === 'section' && (p.hasAttribute('aria-label') || p.hasAttribute('aria-labelledby'))
        if (LANDMARK_ROLES.includes(role) || named) {
          landmark = `${role || 'region'}|${(p.getAttribute('aria-label') ?? '').trim().slice(0, 40)}`
          landmarkId = p.id
          break
        }
      }
      let heading = ''
      const isHeading = (n: Element): boolean =>
        /^h[1-6]$/.test(n.localName) || n.getAttribute('role') === 'heading'
      search: for (let n: Element | null = el, depth = 0; n && depth < 12; n = n.parentElement, depth++) {
        let sib = n.previousElementSibling
        for (let i = 0; sib && i < 30; sib = sib.previousElementSibling, i++) {
          if (isHeading(sib)) {
            heading = h.text(sib, 40)
            break search
          }
          const inner = sib.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')
          if (inner.length > 0) {
            heading = h.text(inner[inner.length - 1], 40)
            break search
          }
        }
      }
      const parent = el.parentElement
      const siblingIndex = parent
        ? Array.from(parent.children)
            .filter((c) => c.localName === el.localName)
            .indexOf(el) + 1
        : 1
      return {
        tag: el.localName,
        id: el.id,
        classes: Array.from(el.classList).slice(0, 12),
        name,
        href: typeof link === 'string' ? link : '',
        role: attr('role'),
        landmark,
        landmarkId,
        heading,
        siblingIndex,
      }
    },
    describe(el) {
      return { selector: h.selector(el), html: h.snippet(el), facts: h.facts(el) }
    },
    queryDeep(spec) {
      const parts = Array.isArray(spec) ? spec : [spec]
      let root: Document | ShadowRoot = document
      let found: Element | null = null
      for (let i = 0; i < parts.length; i++) {
        found = root.querySelector(parts[i] as string)
        if (!found) return null
        if (i < parts.length - 1) {
          if (!found.shadowRoot) return null
          root = found.shadowRoot
        }
      }
      return found
    },
    parseColor(css) {
      const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
        css.trim(),
      )
      if (!m) return css.trim() === 'transparent' ? [0, 0, 0, 0] : null
      const alphaText = m[4]
      const alpha =
        alphaText === undefined
          ? 1
          : alphaText.endsWith('%')
            ? parseFloat(alphaText) / 100
            : parseFloat(alphaText)
      return [Number(m[1]), Number(m[2]), Number(m[3]), alpha]
    },
    blend(top, bottom) {
      const a = top[3]
      return [
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1,
      ]
    },
    contrast(a, b) {
      const lum = (c: Rgba): number => {
        const ch = [c[0], c[1], c[2]].map((v) => {
          const s = v / 255
          return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * (ch[0] as number) + 0.7152 * (ch[1] as number) + 0.0722 * (ch[2] as number)
      }
      const la = lum(a)
      const lb = lum(b)
      return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    },
  }
  return h
}
