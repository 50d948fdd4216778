using System.CommandLine;
using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Fixes.Values;
using ManifestPolicy.Semantics;

namespace ManifestPolicy.Cli.Fixing;

/// <summary>The options fix and render share: where values come from, templates, and how findings are judged.</summary>
public sealed class FixSettings
{
    public Option<string[]> Values { get; } = new("--values") { Description = "A values file: `terraform output -json`, a JSON object or a YAML mapping. Repeatable; later files win.", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Set { get; } = new("--set") { Description = "A value given directly; wins over files. Repeatable.", HelpName = "NAME=VALUE" };

    public Option<string[]> Map { get; } = new("--map") { Description = "Placeholder NAME takes the value named KEY, as values.mappings in manifestpolicy.yaml. Repeatable.", HelpName = "NAME=KEY" };

    public Option<bool> ValuesFromEnv { get; } = new("--values-from-env") { Description = "Also look placeholders up as environment variables (treated as sensitive)." };

    public Option<string?> Templates { get; } = new("--templates") { Description = "A folder of .scriban files that override the built-in fix templates by name.", HelpName = "DIR" };

    public Option<string> FailLevel { get; } = new("--fail-level") { Description = "Lowest severity that makes the exit code 1: error, warning or note.", DefaultValueFactory = _ => "error", HelpName = "error|warning|note" };

    public Option<string?> Environment { get; } = new("--environment", "-e") { Description = "Treat every object as belonging to this environment (e.g. production).", HelpName = "NAME" };

    public Option<string> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace of objects that do not name one.", DefaultValueFactory = _ => "default", HelpName = "NAME" };

    public Option<string?> Config { get; } = new("--config") { Description = "Read this configuration file instead of the nearest manifestpolicy.yaml.", HelpName = "FILE" };

    public FixSettings()
    {
        FailLevel.AcceptOnlyFromAmong("error", "warning", "note");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Values);
        command.Options.Add(Set);
        command.Options.Add(Map);
        command.Options.Add(ValuesFromEnv);
        command.Options.Add(Templates);
        command.Options.Add(FailLevel);
        command.Options.Add(Environment);
        command.Options.Add(Namespace);
        command.Options.Add(Config);
    }

    /// <summary>What fix and render both start from: the working directory, the paths, their configuration and options.</summary>
    public FixRequest Prepare(ParseResult parseResult, Argument<string[]> paths, CliContext cli)
    {
        var cwd = cli.WorkingDirectory;
        var inputPaths = parseResult.GetValue(paths) ?? [];
        var configuration = LoadConfiguration(parseResult, inputPaths, cwd);
        return new FixRequest(cwd, inputPaths, configuration, CreateOptions(parseResult, configuration, cwd, cli.GetEnvironmentVariable));
    }

    /// <summary>An unreadable input or a refused write is one line and exit 2, as in every command.</summary>
    public static int Guard(TextWriter stderr, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is FixInputException or FileWriteException)
        {
            stderr.WriteLine($"manifestpolicy: error: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The configuration for these inputs: --config, else the nearest manifestpolicy.yaml.</summary>
    public RunConfiguration LoadConfiguration(ParseResult parseResult, IReadOnlyList<string> paths, string workingDirectory) =>
        RunConfiguration.Load(parseResult.GetValue(Config), [], null, paths, workingDirectory);

    public Severity GetFailLevel(ParseResult parseResult) =>
        SeverityNames.TryParse(parseResult.GetValue(FailLevel), out var level) ? level : Severity.Error;

    public FixOptions CreateOptions(ParseResult parseResult, RunConfiguration configuration, string workingDirectory, Func<string, string?> getEnvironment)
    {
        try
        {
            var values = new ValueSet();
            foreach (var (placeholder, key) in configuration.File.ValueMappings)
            {
                values.Mappings[placeholder] = key;
            }

            foreach (var file in parseResult.GetValue(Values) ?? [])
            {
                values.LoadFile(Path.GetFullPath(file, workingDirectory), file);
            }

            foreach (var mapping in parseResult.GetValue(Map) ?? [])
            {
                values.AddMapping(mapping);
            }

            foreach (var assignment in parseResult.GetValue(Set) ?? [])
            {
                values.AddAssignment(assignment);
            }

            if (parseResult.GetValue(ValuesFromEnv))
            {
                values.Environment = getEnvironment;
            }

            var templates = parseResult.GetValue(Templates) is { } directory
                ? new FixTemplates(Path.GetFullPath(directory, workingDirectory))
                : FixTemplates.Default;
            var ns = parseResult.GetValue(Namespace) ?? "default";
            if (string.IsNullOrWhiteSpace(ns))
            {
                throw new FixInputException("--namespace must not be empty");
            }

            return new FixOptions
            {
                Values = values,
                Templates = templates,
                AnalyzerOptions = configuration.AnalyzerOptions(parseResult.GetValue(Environment)),
                CompilationOptions = new CompilationOptions(ns),

                // Suppressions and severities as `check` applies them; a baseline is for reporting, not fixing.
                Filter = new DiagnosticFilter(configuration.Severities, null, workingDirectory).Apply,
            };
        }
        catch (Exception ex) when (ex is ValueSourceException or FixTemplateException)
        {
            throw new FixInputException(ex.Message);
        }
    }
}

/// <summary>A parsed fix or render command line.</summary>
public sealed record FixRequest(string WorkingDirectory, IReadOnlyList<string> Paths, RunConfiguration Configuration, FixOptions Options);
