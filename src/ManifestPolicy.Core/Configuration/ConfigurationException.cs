namespace ManifestPolicy.Configuration;

/// <summary>
/// A configuration file the tool cannot honour. The message names the file, the line and column and the key, in
/// the compiler's "file(line,col)" style, so that editors and CI logs link to it; the CLI exits 2.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string path, int line, int column, string key, string reason)
        : base(Format(path, line, column, key, reason))
    {
        FilePath = path;
        Line = line;
        Column = column;
        Key = key;
        Reason = reason;
    }

    public string FilePath { get; }

    /// <summary>1-based; 0 when the problem concerns the file as a whole.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The setting at fault, e.g. "kafka.tlsPorts[1]" or "manifestpolicy_diagnostic.MP9999.severity".</summary>
    public string Key { get; }

    public string Reason { get; }

    private static string Format(string path, int line, int column, string key, string reason)
    {
        var where = line > 0 ? $"{path}({line},{column})" : path;
        var what = key.Length > 0 ? $"'{key}': " : string.Empty;
        return $"{where}: error: {what}{reason}";
    }
}
