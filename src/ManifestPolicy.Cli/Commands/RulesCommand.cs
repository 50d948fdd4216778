using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Cli.Commands;

/// <summary>`manifestpolicy rules`: the catalogue, one rule a line, or as JSON.</summary>
public static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List every rule with its ID, name, default severity and title.");
        command.Options.Add(format);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(format) == "json")
            {
                WriteJson(stdout);
                return ExitCodes.Clean;
            }

            foreach (var rule in RuleCatalog.Descriptors)
            {
                stdout.WriteLine($"{rule.Id}  {rule.Name,-34} {rule.DefaultSeverity.ToName(),-8} {rule.Title}");
            }

            return ExitCodes.Clean;
        });
        return command;
    }

    private static void WriteJson(TextWriter stdout)
    {
        var rules = RuleCatalog.Descriptors.Select(rule => new
        {
            id = rule.Id,
            name = rule.Name,
            title = rule.Title,
            category = rule.Category,
            defaultSeverity = rule.DefaultSeverity.ToName(),
            description = rule.Description,
            tags = rule.Tags,
            precision = rule.Precision,
            helpUri = rule.HelpUri,
        });
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        stdout.WriteLine(JsonSerializer.Serialize(new { rules }, options));
    }
}
