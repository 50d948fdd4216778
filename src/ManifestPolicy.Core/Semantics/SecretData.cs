using System.Text;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Semantics;

/// <summary>A value read from a Secret or ConfigMap key, with the node it came from.</summary>
public sealed record ResolvedValue(string Value, ScalarNode Node, ManifestObject Source, string Key);

/// <summary>Reads Secret and ConfigMap keys: Secret data is base64-decoded, and stringData wins over data, as the API server merges them.</summary>
public static class SecretData
{
    public static ResolvedValue? Read(ManifestObject source, string key)
    {
        if (source.Kind == "Secret" && source.Node.GetMapping("stringData")?.GetScalar(key) is { } plain)
        {
            return new ResolvedValue(plain.Value, plain, source, key);
        }

        if (source.Node.GetMapping("data")?.GetScalar(key) is not { } data)
        {
            return null;
        }

        if (source.Kind != "Secret")
        {
            return new ResolvedValue(data.Value, data, source, key);
        }

        return TryDecodeBase64(data.Value, out var decoded) ? new ResolvedValue(decoded, data, source, key) : null;
    }

    public static bool TryDecodeBase64(string encoded, out string decoded)
    {
        decoded = string.Empty;
        var compact = string.Concat(encoded.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length];
        if (!Convert.TryFromBase64String(compact, buffer, out var written))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }
}
