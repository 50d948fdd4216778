using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

/// <summary>MP0001: a file that does not parse. Reported at the parser's position; the other files are still checked.</summary>
public sealed class MP0001InvalidYaml : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP0001",
        "invalid-yaml",
        "File is not valid YAML or JSON",
        "Syntax",
        Severity.Error,
        "The file does not parse as YAML (JSON is YAML too). kubectl would reject it, and no other rule can see past the error; documents before it are still checked.",
        ["syntax"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterFileAction(context =>
        {
            if (context.Tree.Error is not { } error)
            {
                return;
            }

            var position = context.Tree.Text.GetPosition(error.Span.Start);
            var parsed = context.Tree.Documents.Count;
            var tail = parsed == 0 ? string.Empty : $"; the {parsed} document{(parsed == 1 ? string.Empty : "s")} before it {(parsed == 1 ? "was" : "were")} checked, the rest of the file was not";
            context.Report(context.Create(
                Rule,
                context.Tree.Text,
                error.Span,
                $"'{context.Tree.Path}' is not valid YAML at line {position.Line}, column {position.Column}: {error.Message}{tail}.",
                $"MP0001|{context.Tree.Path}"));
        });
}
