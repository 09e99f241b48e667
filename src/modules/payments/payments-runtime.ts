import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/http.ts';
import { createCmiGateway } from './gateways/cmi-gateway.ts';
import type { PaymentGateway } from './gateways/gateway.ts';
import { createSandboxGateway } from './gateways/sandbox-gateway.ts';
import { type Deliver, SandboxBank } from './sandbox/sandbox-bank.ts';

/** The configured gateway, and the sandbox bank behind it when PAYMENT_GATEWAY=sandbox. */
export interface PaymentsRuntime {
  gateway: PaymentGateway;
  sandbox: SandboxBank | null;
}

export interface RuntimeOptions {
  deliver?: Deliver;
  onDeliveryProblem?: (problem: { orderId: string; error: unknown }) => void;
}

export function createPaymentsRuntime(config: Config, clock: Clock, options: RuntimeOptions = {}): PaymentsRuntime {
  if (config.PAYMENT_GATEWAY === 'cmi') {
    const required = (name: string, value: string | undefined): string => {
      if (!value) throw new Error(`${name} is required when PAYMENT_GATEWAY=cmi`);
      return value;
    };
    return {
      gateway: createCmiGateway({
        clientId: required('CMI_CLIENT_ID', config.CMI_CLIENT_ID),
        storeKey: required('CMI_STORE_KEY', config.CMI_STORE_KEY),
        gatewayUrl: required('CMI_GATEWAY_URL', config.CMI_GATEWAY_URL),
        apiUrl: required('CMI_API_URL', config.CMI_API_URL),
        apiUser: required('CMI_API_USER', config.CMI_API_USER),
        apiPassword: required('CMI_API_PASSWORD', config.CMI_API_PASSWORD),
      }),
      sandbox: null,
    };
  }
  const sandbox = new SandboxBank({
    storeKey: config.SANDBOX_STORE_KEY,
    clock,
    deliver: options.deliver,
    onDeliveryProblem: options.onDeliveryProblem,
  });
  return {
    gateway: createSandboxGateway({ publicUrl: config.PUBLIC_URL, storeKey: config.SANDBOX_STORE_KEY, bank: sandbox }),
    sandbox,
  };
}

// One runtime per built application (not per process): the routes, the sandbox's pages and the
// scheduler's expiry job of one app share one sandbox bank; two apps in one test process do not.
const runtimes = new WeakMap<AppDeps, PaymentsRuntime>();

export function paymentsRuntimeOf(deps: AppDeps, options: RuntimeOptions = {}): PaymentsRuntime {
  let runtime = runtimes.get(deps);
  if (!runtime) {
    runtime = createPaymentsRuntime(deps.config, deps.clock, options);
    runtimes.set(deps, runtime);
  }
  return runtime;
}

/** The gateway of a built app, for jobs run beside it (expirePayments in the scheduler). */
export function paymentGatewayOf(deps: AppDeps): PaymentGateway {
  return paymentsRuntimeOf(deps).gateway;
}
