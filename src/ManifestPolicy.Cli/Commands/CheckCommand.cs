using System.CommandLine;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Cli.Commands;

/// <summary>`manifestpolicy check [PATH...|-]`: the command-line spelling of <see cref="CheckOptions"/>.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories to check (default: the current directory); - reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, sarif, json or github.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|sarif|json|github",
        };
        format.AcceptOnlyFromAmong("text", "sarif", "json", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };
        var environment = new Option<string?>("--environment", "-e") { Description = "Treat every object as belonging to this environment (e.g. production).", HelpName = "NAME" };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Lowest severity that makes the exit code 1: error, warning or note.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|note",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");
        var @namespace = new Option<string>("--namespace", "-n")
        {
            Description = "Namespace of objects that do not name one.",
            DefaultValueFactory = _ => "default",
            HelpName = "NAME",
        };
        var contextDirectory = new Option<string?>("--context")
        {
            Description = "Load every manifest under DIR so cross-object rules see it, but report only findings in the given paths.",
            HelpName = "DIR",
        };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (NO_COLOR is honoured too)." };
        var sarifCategory = new Option<string>("--sarif-category")
        {
            Description = "SARIF automationDetails.id, to tell several uploads apart in GitHub code scanning.",
            DefaultValueFactory = _ => "manifestpolicy/",
            HelpName = "CATEGORY",
        };

        var config = new Option<string?>("--config")
        {
            Description = "Configuration file (default: the nearest manifestpolicy.yaml upward from the first input, up to the repository root).",
            HelpName = "FILE",
        };
        var severity = new Option<string[]>("--severity")
        {
            Description = "Set a rule's severity over .editorconfig: ID, name, category-NAME or all = error|warning|note|none|default. Repeatable.",
            HelpName = "RULE=SEVERITY",
            AllowMultipleArgumentsPerToken = false,
        };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that are not in this baseline file.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the current findings in FILE as accepted, then exit 0.", HelpName = "FILE" };
        var includeSuppressed = new Option<bool>("--include-suppressed")
        {
            Description = "Keep suppressed and baselined findings in SARIF and JSON, marked with their suppression (GitHub code scanning would open alerts for them).",
        };
        var explainConfig = new Option<string?>("--explain-config")
        {
            Description = "Print every rule's severity for PATH and where it was set, then exit.",
            HelpName = "PATH",
        };

        var command = new Command("check", "Check manifests and report findings.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(environment);
        command.Options.Add(failLevel);
        command.Options.Add(@namespace);
        command.Options.Add(contextDirectory);
        command.Options.Add(noColor);
        command.Options.Add(sarifCategory);
        command.Options.Add(config);
        command.Options.Add(severity);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        command.Options.Add(includeSuppressed);
        command.Options.Add(explainConfig);
        command.SetAction(parseResult =>
        {
            SeverityNames.TryParse(parseResult.GetValue(failLevel), out var level);
            var options = new CheckOptions
            {
                Paths = parseResult.GetValue(paths) ?? [],
                Format = ParseFormat(parseResult.GetValue(format)),
                OutputFile = parseResult.GetValue(output),
                Environment = parseResult.GetValue(environment),
                FailLevel = level,
                Namespace = parseResult.GetValue(@namespace) ?? "default",
                ContextDirectory = parseResult.GetValue(contextDirectory),
                NoColor = parseResult.GetValue(noColor),
                SarifCategory = parseResult.GetValue(sarifCategory) ?? "manifestpolicy/",
                ConfigFile = parseResult.GetValue(config),
                Severities = parseResult.GetValue(severity) ?? [],
                BaselineFile = parseResult.GetValue(baseline),
                WriteBaselineFile = parseResult.GetValue(writeBaseline),
                IncludeSuppressed = parseResult.GetValue(includeSuppressed),
                ExplainConfigPath = parseResult.GetValue(explainConfig),
            };
            return new CheckRunner(context).Run(options);
        });
        return command;
    }

    private static OutputFormat ParseFormat(string? text) => text switch
    {
        "sarif" => OutputFormat.Sarif,
        "json" => OutputFormat.Json,
        "github" => OutputFormat.GitHub,
        _ => OutputFormat.Text,
    };
}
