using System.Reflection;

namespace ManifestPolicy.Output;

/// <summary>The facts about the tool that every output format names.</summary>
public static class ToolInfo
{
    public const string Name = "ManifestPolicy";

    public const string InformationUri = "https://github.com/manifestpolicy/manifestpolicy";

    /// <summary>The semantic version, without the source revision the build appends after '+'.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
