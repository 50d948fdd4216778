using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

public sealed class MP3002KafkaUnsafeSslInProduction : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP3002",
        "kafka-unsafe-ssl-in-production",
        "Kafka certificate verification disabled in production",
        "Security",
        Severity.Error,
        "TODO",
        ["keda"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration)
    {
    }
}
