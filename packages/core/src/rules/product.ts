import * as z from 'zod/mini';
import { parseConfig, type PforteConfig, type PforteConfigInput, type ResolvedStep } from '../config.js';
import { PforteError } from '../errors.js';
import { policyPresets, type PasswordPolicy } from '../policy.js';
import { builtinSteps, defaultRegistry, type StepId, type StepRegistry } from '../steps/registry.js';

/**
 * A product as a backend enforces it: its resolved config and the steps a
 * flow bound to it must finish. Every rule takes the flow's product.
 */
export interface Product {
  readonly id: string;
  readonly config: PforteConfig;
  readonly registry: StepRegistry;
  /** Steps `complete` insists on (unless a second-factor choice routed around them). */
  readonly required: ReadonlySet<string>;
  /** Steps a person may put off. */
  readonly skippable: ReadonlySet<string>;
  /**
   * The open product of a backend that was given none (component tests and
   * demos only): every step exists, a PIN may be generated or chosen with any
   * length 4–12, and only `credentials` is required.
   */
  readonly open: boolean;
}

/** A product from its config (an object, a JSON string or an already resolved config). */
export function defineProduct(
  id: string,
  config: PforteConfigInput | PforteConfig | string,
  registry: StepRegistry = defaultRegistry,
): Product {
  const resolved = parseConfig(config, registry);
  return {
    id,
    config: resolved,
    registry,
    required: new Set(resolved.steps.filter((step) => !step.optional && step.id !== 'done').map((step) => step.id)),
    skippable: new Set(resolved.steps.filter((step) => step.optional).map((step) => step.id)),
    open: false,
  };
}

/** What a demo or test may set on the open product. */
export interface OpenProductOptions {
  /** Step options by step id, as in a config (`{ sms: { codeLength: 6 } }`). */
  steps?: Partial<Record<StepId, object>>;
  passwordPolicy?: PasswordPolicy;
  /** Steps `complete` insists on (default: credentials). */
  required?: readonly StepId[];
  /** Steps a person may put off (default: sms, visibility, emailCode). */
  skippable?: readonly StepId[];
}

/** The open product (see {@link Product.open}): every built-in step with its defaults, or the options given. */
export function openProduct(options: OpenProductOptions = {}): Product {
  const skippable = options.skippable ?? ['sms', 'visibility', 'emailCode'];
  // Captchas are checked when sent rather than demanded: a demo has no provider.
  const defaults: Partial<Record<StepId, object>> = {
    terms: { termsUrl: '/terms', privacyUrl: '/privacy' },
    customerLookup: { captcha: false },
  };
  const steps = builtinSteps.map((descriptor) => {
    const given = { ...defaults[descriptor.id], ...options.steps?.[descriptor.id] };
    const parsed = z.parse(descriptor.schema, { id: descriptor.id, ...given });
    const step = descriptor.resolve(parsed as never) as ResolvedStep;
    return skippable.includes(step.id) ? { ...step, optional: true } : step;
  }) as ResolvedStep[];
  const config: PforteConfig = {
    product: 'Pforte',
    steps,
    username: { kind: 'username', minLength: 3, maxLength: 254 },
    passwordPolicy: options.passwordPolicy ?? policyPresets.nist,
    strings: { de: {}, en: {} },
    requestTimeoutMs: 15000,
  };
  return {
    id: 'open',
    config,
    registry: defaultRegistry,
    required: new Set(options.required ?? ['credentials']),
    skippable: new Set(skippable),
    open: true,
  };
}

/** The step `id` of a product, typed by its id. */
export function productStep<Id extends StepId>(product: Product, id: Id): Extract<ResolvedStep, { id: Id }> | undefined {
  return product.config.steps.find((step) => step.id === id) as Extract<ResolvedStep, { id: Id }> | undefined;
}

/** The products a backend serves, found by the id a flow starts with. */
export interface ProductCatalog {
  /**
   * The product for `startRegistration`'s `product`; without one, the default
   * product. Unknown ids are 'product.unknown'.
   */
  resolve(id: string | undefined): Product;
  /** The product a stored flow is bound to. */
  get(id: string): Product | undefined;
}

/** Options of {@link createProductCatalog}. */
export interface ProductCatalogOptions {
  /** Products by id: configs as objects, JSON text or already resolved. */
  products?: Record<string, PforteConfigInput | string>;
  /** The product of flows that start without a product id; default: the only product, if there is one. */
  defaultProduct?: string;
  /** Steps of the products' own besides the built-in ones. */
  registry?: StepRegistry;
  /** Settings of the open product, served when there are no products. */
  open?: OpenProductOptions;
}

/**
 * The catalogue of a backend. With no products at all it serves the
 * {@link openProduct} (component tests, demos); a backend that must enforce
 * products is given them.
 */
export function createProductCatalog({ products = {}, defaultProduct, registry, open: openOptions }: ProductCatalogOptions = {}): ProductCatalog {
  const byId = new Map(Object.entries(products).map(([id, config]) => [id, defineProduct(id, config, registry)]));
  const open = byId.size === 0 ? openProduct(openOptions) : undefined;
  const fallbackId = defaultProduct ?? (byId.size === 1 ? [...byId.keys()][0] : undefined);
  if (fallbackId !== undefined && !byId.has(fallbackId)) throw new Error(`the default product "${fallbackId}" is not among the products`);
  return {
    resolve(id) {
      if (open) return open;
      const product = byId.get(id ?? fallbackId ?? '');
      if (!product) throw new PforteError('product.unknown', { field: 'product' });
      return product;
    },
    get: (id) => (open && id === open.id ? open : byId.get(id)),
  };
}
