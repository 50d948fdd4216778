using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Rules;

/// <summary>MP3002: a Kafka trigger in production skips broker certificate verification.</summary>
public sealed class MP3002KafkaUnsafeSslInProduction : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP3002",
        "kafka-unsafe-ssl-in-production",
        "Kafka certificate verification disabled in production",
        "Security",
        Severity.Error,
        "unsafeSsl on a KEDA kafka trigger sets InsecureSkipVerify: the scaler accepts any certificate the broker (or anyone in between) presents. KEDA reads it with Go's ParseBool, so 1, t, T, TRUE, true and True all switch verification off. In production, keep verification on and give the scaler the broker's CA through a TriggerAuthentication 'ca' parameter.",
        ["keda", "kafka", "security", "tls"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterObjectAction(Analyze, "ScaledObject", "ScaledJob");

    private static void Analyze(ObjectAnalysisContext context)
    {
        EnvironmentEvidence? environment = null;
        foreach (var trigger in KedaTrigger.Of(context.Object))
        {
            // KEDA reads unsafeSsl from trigger metadata only; apache-kafka has no such setting.
            if (trigger.Type != "kafka" || trigger.GetMetadataNode("unsafeSsl") is not { } node || !GoBool.IsTrue(node.Value))
            {
                continue;
            }

            environment ??= EnvironmentClassifier.Classify(context.Object, context.Options);
            if (environment is not { IsProduction: true })
            {
                return;
            }

            var message =
                $"{context.Object.DisplayName} {trigger.Describe()} sets unsafeSsl \"{node.Value}\", which turns off broker certificate verification, " +
                $"and the object is in production ({environment.Evidence}); set unsafeSsl to \"false\" and supply the broker CA as the 'ca' parameter of a TriggerAuthentication.";
            context.Report(context.Create(
                Rule,
                context.Object.Text,
                node.Span,
                message,
                $"MP3002|{context.Object.Path}|{context.Object.Namespace}/{context.Object.Name}|{trigger.Index}") with
            {
                Properties = new Dictionary<string, string>
                {
                    ["environment"] = environment.Environment,
                    ["evidence"] = environment.Evidence,
                    ["triggerIndex"] = trigger.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            });
        }
    }
}
