import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingSettings {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`; unset: no SDK, spans are no-ops. */
  otlpEndpoint: string | undefined;
  serviceName: string;
}

/**
 * Registers the OpenTelemetry SDK (W3C trace context, async-local context, OTLP over HTTP) when an endpoint
 * is configured (other standard `OTEL_EXPORTER_OTLP_*` variables, e.g. headers, are read by the exporter).
 * Returns the shutdown that flushes the last spans.
 */
export function startTracingSdk({ otlpEndpoint, serviceName }: TracingSettings): (() => Promise<void>) | undefined {
  if (!otlpEndpoint) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    // The signal path is appended as the OTLP spec says for OTEL_EXPORTER_OTLP_ENDPOINT.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
  provider.register();
  return () => provider.shutdown();
}
