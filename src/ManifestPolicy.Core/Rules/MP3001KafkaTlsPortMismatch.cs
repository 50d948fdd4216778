using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

public sealed class MP3001KafkaTlsPortMismatch : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP3001",
        "kafka-tls-port-mismatch",
        "Kafka TLS setting does not match the broker port",
        "Kafka",
        Severity.Error,
        "TODO",
        ["keda"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration)
    {
    }
}
