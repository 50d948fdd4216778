using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Configuration;

/// <summary>`check --explain-config PATH`: every rule's severity for one file and the setting it comes from.</summary>
public static class ConfigurationExplainer
{
    public static void Write(TextWriter writer, RunConfiguration configuration, string path)
    {
        var severities = configuration.Severities;
        var editorConfigs = severities.EditorConfigFilesFor(path).Select(f => Display(f.Path, configuration.WorkingDirectory)).ToList();
        writer.WriteLine($"Configuration for {path}");
        writer.WriteLine($"  manifestpolicy.yaml: {configuration.File.FilePath ?? "none found"}");
        writer.WriteLine($"  .editorconfig: {(editorConfigs.Count == 0 ? "none found" : string.Join(", ", editorConfigs))}");
        if (configuration.File.Exclude.FirstOrDefault(glob => new RelativePathGlob(glob, configuration.File.BaseDirectory).IsMatch(path, configuration.WorkingDirectory)) is { } excludedBy)
        {
            writer.WriteLine($"  excluded: yes, by '{excludedBy}' in {configuration.File.FilePath}; the file is not checked");
        }

        writer.WriteLine();
        var explained = severities.Explain(path);
        var nameWidth = explained.Max(e => e.Rule.Name.Length);
        writer.WriteLine($"{"Rule",-6}  {"Name".PadRight(nameWidth)}  {"Severity",-8}  Set by");
        foreach (var rule in explained)
        {
            writer.WriteLine($"{rule.Rule.Id,-6}  {rule.Rule.Name.PadRight(nameWidth)}  {rule.Severity.ToName(),-8}  {rule.Origin}");
        }
    }

    private static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
