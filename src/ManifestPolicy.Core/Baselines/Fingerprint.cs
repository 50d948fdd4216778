using System.Security.Cryptography;
using System.Text;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Baselines;

/// <summary>
/// A finding's identity for baselines: the rule's fingerprint key (rule, file, object, field; never a line number),
/// with the file path made relative to the baseline's folder so it does not depend on where the tool runs, hashed
/// with SHA-256. The version prefix changes whenever the recipe does, so an old baseline is recognised as such.
/// </summary>
public static class Fingerprint
{
    public const int Version = 1;

    public static string Compute(Diagnostic diagnostic, string baselineDirectory, string workingDirectory)
    {
        var path = diagnostic.Location.Path;
        var stablePath = StablePath(path, baselineDirectory, workingDirectory);
        var parts = diagnostic.FingerprintKey.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == path)
            {
                parts[i] = stablePath;
            }
        }

        var key = $"{diagnostic.Id}|{string.Join('|', parts)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"v{Version}:{Convert.ToHexStringLower(hash)}";
    }

    /// <summary>The path relative to the baseline's folder, with forward slashes; "-" and the like stay as they are.</summary>
    public static string StablePath(string path, string baselineDirectory, string workingDirectory)
    {
        if (VirtualPaths.IsVirtual(path))
        {
            return path;
        }

        var full = Path.GetFullPath(path, workingDirectory);
        return Path.GetRelativePath(Path.GetFullPath(baselineDirectory, workingDirectory), full).Replace('\\', '/');
    }
}
