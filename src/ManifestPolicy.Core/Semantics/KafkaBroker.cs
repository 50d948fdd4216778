using System.Globalization;
using System.Text.RegularExpressions;

namespace ManifestPolicy.Semantics;

/// <summary>One host:port entry of a comma-separated bootstrapServers value, with its place in that value.</summary>
public sealed record KafkaBroker(string Text, string Host, int? Port, int ValueIndex)
{
    public static IReadOnlyList<KafkaBroker> Parse(string bootstrapServers)
    {
        var brokers = new List<KafkaBroker>();
        var index = 0;
        foreach (var part in bootstrapServers.Split(','))
        {
            var leading = part.Length - part.TrimStart().Length;
            var text = part.Trim();
            if (text.Length > 0)
            {
                var (host, port) = SplitHostPort(text);
                brokers.Add(new KafkaBroker(text, host, port, index + leading));
            }

            index += part.Length + 1;
        }

        return brokers;
    }

    private static (string Host, int? Port) SplitHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || text.EndsWith(']'))
        {
            return (text, null);
        }

        return int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (text[..colon], port)
            : (text, null);
    }
}

/// <summary>How an Amazon MSK broker expects clients to connect on each port (MSK Developer Guide, "Port information").</summary>
public enum MskListener
{
    Plaintext,
    Tls,
    SaslScram,
    Iam,
}

public static partial class MskPorts
{
    [GeneratedRegex(@"^b-\d+(-public)?\.[a-z0-9-]+\.[a-z0-9]+\.c\d+\.kafka(-beta)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionedHost();

    [GeneratedRegex(@"^boot-[a-z0-9.-]+\.kafka-serverless\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServerlessHost();

    public static bool IsMskHost(string host) => ProvisionedHost().IsMatch(host) || ServerlessHost().IsMatch(host);

    public static bool IsPublicHost(string host) => host.Contains("-public.", StringComparison.OrdinalIgnoreCase);

    public static bool IsServerlessHost(string host) => ServerlessHost().IsMatch(host);

    /// <summary>The listener behind an MSK port, or null for a port MSK does not serve clients on.</summary>
    public static MskListener? ListenerOf(int port) => port switch
    {
        9092 or 20092 => MskListener.Plaintext,
        9094 or 9194 or 20094 => MskListener.Tls,
        9096 or 9196 or 20096 => MskListener.SaslScram,
        9098 or 9198 or 20098 => MskListener.Iam,
        _ => null,
    };

    /// <summary>Every listener but plaintext encrypts; SASL/SCRAM and IAM switch TLS on for all traffic.</summary>
    public static bool UsesTls(MskListener listener) => listener != MskListener.Plaintext;

    public static int PortFor(MskListener listener, bool publicAccess) => (listener, publicAccess) switch
    {
        (MskListener.Plaintext, _) => 9092,
        (MskListener.Tls, false) => 9094,
        (MskListener.Tls, true) => 9194,
        (MskListener.SaslScram, false) => 9096,
        (MskListener.SaslScram, true) => 9196,
        (MskListener.Iam, false) => 9098,
        (MskListener.Iam, true) => 9198,
        _ => 9094,
    };

    public static string Describe(MskListener listener) => listener switch
    {
        MskListener.Plaintext => "plaintext",
        MskListener.Tls => "TLS",
        MskListener.SaslScram => "SASL/SCRAM (TLS)",
        _ => "IAM (TLS)",
    };
}
