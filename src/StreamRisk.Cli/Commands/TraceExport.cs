using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Telemetry;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// Exports the pipeline's spans (<see cref="StageSpans"/>) over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// variable is set; the exporter reads the other standard variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, ...). Unset, nothing listens and a stage starts no span.
/// </summary>
internal static class TraceExport
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <returns>Null when the variable is unset; dispose the provider to flush what is buffered.</returns>
    public static TracerProvider? FromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"{EndpointVariable}: '{endpoint}' is not an http(s) URL such as http://127.0.0.1:4317 (gRPC) "
                + "or http://127.0.0.1:4318 (with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf); unset it to export no traces");
        }
        var resource = ResourceBuilder.CreateDefault();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME")))
        {
            resource.AddService("streamrisk");
        }
        return Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(StageSpans.SourceName)
            .AddOtlpExporter()
            .Build();
    }
}
