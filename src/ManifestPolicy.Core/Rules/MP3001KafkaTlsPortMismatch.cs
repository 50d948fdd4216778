using System.Globalization;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules;

/// <summary>
/// MP3001: a Kafka trigger's TLS setting does not fit the broker's port. The scaler then fails at runtime with
/// "client has run out of available brokers", which names neither the port nor TLS.
/// </summary>
public sealed class MP3001KafkaTlsPortMismatch : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP3001",
        "kafka-tls-port-mismatch",
        "Kafka TLS setting does not match the broker port",
        "Kafka",
        Severity.Error,
        "Kafka brokers listen for TLS and plaintext clients on different ports. A KEDA kafka trigger with tls: enable pointed at a plaintext port (or TLS off against a TLS port) cannot connect, and KEDA reports only 'client has run out of available brokers'. On Amazon MSK the ports are fixed: plaintext 9092, TLS 9094 (public 9194), SASL/SCRAM 9096 (9196), IAM 9098 (9198). For other brokers, declare the TLS ports in the configuration file; without them only tls: enable on 9092 is reported, as a warning.",
        ["keda", "kafka", "tls", "msk"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterObjectAction(Analyze, "ScaledObject", "ScaledJob");

    private static void Analyze(ObjectAnalysisContext context)
    {
        foreach (var trigger in KedaTrigger.Of(context.Object))
        {
            if (trigger.Type is not ("kafka" or "apache-kafka")
                || trigger.GetMetadataNode("bootstrapServers") is not { IsNull: false } serversNode
                || LooksUnresolved(serversNode.Value)
                || ReadTls(context.Compilation, trigger) is not { } tls)
            {
                continue;
            }

            var sasl = ReadSetting(context.Compilation, trigger, "sasl");
            var tokenProvider = ReadSetting(context.Compilation, trigger, "saslTokenProvider");
            foreach (var broker in KafkaBroker.Parse(serversNode.Value))
            {
                if (broker.Port is not { } port)
                {
                    continue;
                }

                var finding = MskPorts.IsMskHost(broker.Host)
                    ? CheckMsk(broker, port, tls, sasl, tokenProvider)
                    : CheckOther(port, tls, context.Options);
                if (finding is null)
                {
                    continue;
                }

                var span = ScalarSource.Locate(context.Object.Text, serversNode, broker.ValueIndex, broker.Text.Length);
                var message = $"{context.Object.DisplayName} {trigger.Describe()} connects to '{broker.Text}' {finding.Problem} ({tls.Source}); {finding.Remedy}.";
                var properties = new Dictionary<string, string>
                {
                    ["broker"] = broker.Text,
                    ["port"] = port.ToString(CultureInfo.InvariantCulture),
                    ["tls"] = tls.Enabled ? "enable" : "disable",
                    ["triggerIndex"] = trigger.Index.ToString(CultureInfo.InvariantCulture),
                };
                if (finding.ExpectedPort is { } expected)
                {
                    properties["expectedPort"] = expected.ToString(CultureInfo.InvariantCulture);
                }

                context.Report(context.Create(
                    Rule,
                    context.Object.Text,
                    span,
                    message,
                    $"MP3001|{context.Object.Path}|{context.Object.Namespace}/{context.Object.Name}|{trigger.Index}|{broker.Host}") with
                {
                    Severity = finding.Severity,
                    Properties = properties,
                });
            }
        }
    }

    private sealed record Finding(string Problem, string Remedy, int? ExpectedPort, Severity Severity = Severity.Error);

    private sealed record TlsSetting(bool Enabled, string Source);

    private static Finding? CheckMsk(KafkaBroker broker, int port, TlsSetting tls, string? sasl, string? tokenProvider)
    {
        var publicAccess = MskPorts.IsPublicHost(broker.Host);
        var wanted = !tls.Enabled ? MskListener.Plaintext
            : sasl is "scram_sha512" or "scram_sha256" ? MskListener.SaslScram
            : sasl == "oauthbearer" && tokenProvider == "aws_msk_iam" ? MskListener.Iam
            : MskListener.Tls;
        var expectedPort = MskPorts.PortFor(wanted, publicAccess && wanted != MskListener.Plaintext);
        if (MskPorts.ListenerOf(port) is not { } listener)
        {
            return new Finding(
                $"on port {port}, which is not a port Amazon MSK serves Kafka clients on",
                $"use port {expectedPort}, MSK's {MskPorts.Describe(wanted)} listener",
                expectedPort);
        }

        if (MskPorts.UsesTls(listener) == tls.Enabled)
        {
            return null;
        }

        return tls.Enabled
            ? new Finding(
                $"on port {port}, MSK's plaintext listener, with TLS on",
                $"use port {expectedPort}, MSK's {MskPorts.Describe(wanted)} listener, or turn TLS off",
                expectedPort)
            : new Finding(
                $"on port {port}, MSK's {MskPorts.Describe(listener)} listener, with TLS off",
                $"set tls: enable, or use port 9092 if the cluster allows plaintext",
                listener == MskListener.Tls ? 9092 : null);
    }

    private static Finding? CheckOther(int port, TlsSetting tls, AnalyzerOptions options)
    {
        var tlsPorts = options.KafkaTlsPorts;
        if (tlsPorts.Count == 0)
        {
            return tls.Enabled && port == 9092
                ? new Finding(
                    "on port 9092, Kafka's conventional plaintext port, with TLS on",
                    "use the brokers' TLS port, or declare kafka.tlsPorts in manifestpolicy.yaml if 9092 speaks TLS here",
                    null,
                    Severity.Warning)
                : null;
        }

        var expected = string.Join(", ", tlsPorts.Order());
        if (tls.Enabled && !tlsPorts.Contains(port) && (options.KafkaPlaintextPorts.Count == 0 || options.KafkaPlaintextPorts.Contains(port)))
        {
            return new Finding($"on port {port}, with TLS on", $"use a configured TLS port ({expected}), or turn TLS off", tlsPorts.Count == 1 ? tlsPorts.First() : null);
        }

        if (!tls.Enabled && tlsPorts.Contains(port))
        {
            return new Finding($"on port {port}, a configured TLS port, with TLS off", "set tls: enable, or use the plaintext port", options.KafkaPlaintextPorts.Count == 1 ? options.KafkaPlaintextPorts.First() : null);
        }

        return null;
    }

    /// <summary>TLS as KEDA decides it: trigger metadata first, then the TriggerAuthentication. Null when it cannot be known here.</summary>
    private static TlsSetting? ReadTls(ManifestCompilation compilation, KedaTrigger trigger)
    {
        if (trigger.GetMetadata("tls") is { } metadataValue)
        {
            return ParseTls(metadataValue, $"tls: {metadataValue} in the trigger metadata");
        }

        var parameter = TriggerAuthenticationResolver.Resolve(compilation, trigger, "tls");
        return parameter.State switch
        {
            AuthParameterState.NotSupplied => new TlsSetting(false, "tls is not set, so it is off"),
            AuthParameterState.Resolved => ParseTls(
                parameter.Value!.Trim(),
                $"tls: {parameter.Value!.Trim()} from {parameter.Authentication!.DisplayName} via {parameter.Source!.Source.DisplayName} key '{parameter.Source.Key}'"),
            _ => null,
        };
    }

    private static TlsSetting? ParseTls(string value, string source) => value switch
    {
        "enable" => new TlsSetting(true, source),
        "disable" => new TlsSetting(false, source),
        _ => null,
    };

    private static string? ReadSetting(ManifestCompilation compilation, KedaTrigger trigger, string key)
    {
        if (trigger.GetMetadata(key) is { } value)
        {
            return value;
        }

        var parameter = TriggerAuthenticationResolver.Resolve(compilation, trigger, key);
        return parameter.State == AuthParameterState.Resolved ? parameter.Value?.Trim() : null;
    }

    /// <summary>Placeholders and templates are MP2001's business; their ports mean nothing yet.</summary>
    private static bool LooksUnresolved(string value) =>
        value.Contains('<') || value.Contains("${", StringComparison.Ordinal) || value.Contains("{{", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal);
}
