namespace ManifestPolicy.Configuration;

/// <summary>Paths that name no file on disk: standard input ("-", "&lt;stdin&gt;") and engine findings (".").</summary>
internal static class VirtualPaths
{
    public static bool IsVirtual(string path) => path is "" or "." or "-" || path.StartsWith('<');
}
