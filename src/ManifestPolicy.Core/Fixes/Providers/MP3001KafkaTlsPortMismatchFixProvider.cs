using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes.Yaml;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Providers;

/// <summary>MP3001: moves a broker to the TLS port the rule expects; never turns TLS off by moving to a plaintext port.</summary>
public sealed class MP3001KafkaTlsPortMismatchFixProvider : CodeFixProvider
{
    public const string Template = "mp3001-broker";

    public override DiagnosticDescriptor Rule => MP3001KafkaTlsPortMismatch.Rule;

    public override string Description =>
        "Rewrites the broker's port to the TLS port the rule expects: MSK's port for the trigger's listener, or the one TLS port declared in kafka.tlsPorts.";

    public override FixResult GetFix(CodeFixContext context, Diagnostic diagnostic)
    {
        var broker = Property(diagnostic, "broker");
        if (IntProperty(diagnostic, "expectedPort") is not { } expected)
        {
            return FixResult.NotFixable("the right port is not known here: declare the brokers' TLS port in kafka.tlsPorts");
        }

        if (Property(diagnostic, "tls") != "enable")
        {
            return FixResult.NotFixable("the trigger has TLS off; a fix never moves to a plaintext port, set tls: enable instead");
        }

        var text = diagnostic.Location.Text;
        var span = diagnostic.Location.Span;
        var parsed = KafkaBroker.Parse(broker);
        if (parsed.Count != 1 || text.GetText(span) != broker || parsed[0].Port is null)
        {
            return FixResult.NotFixable($"the broker '{broker}' is not written verbatim in the file (escaped or folded)");
        }

        var newBroker = context.Templates.Render(Template, new Dictionary<string, object?>
        {
            ["broker"] = broker,
            ["host"] = parsed[0].Host,
            ["port"] = parsed[0].Port,
            ["expected_port"] = expected,
        }).Trim();
        if (KafkaBroker.Parse(newBroker) is not [{ Port: { } } rendered] || rendered.Text != newBroker)
        {
            return FixResult.NotFixable($"template {Template} rendered '{newBroker}', which is not one host:port");
        }

        // The new text must sit inside the scalar without changing its meaning: no quote, comma or escape of its own.
        var tree = context.FindTree(diagnostic.Location.Path);
        var scalar = tree is null ? null : YamlText.FindScalarAt(tree, span.Start);
        if (scalar is null || !IsSafeInside(newBroker, scalar))
        {
            return FixResult.NotFixable($"'{newBroker}' cannot be written inside the bootstrapServers scalar as it stands");
        }

        var edit = new TextEdit(span, newBroker);
        return FixResult.Of(new CodeFix($"Use port {expected} for {parsed[0].Host}", diagnostic, [new FileTextEdit(diagnostic.Location.Path, edit)]));
    }

    private static bool IsSafeInside(string value, ScalarNode scalar) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '_' or '[' or ']')
        && (!YamlText.IsInFlow(scalar) || scalar.IsQuoted || value.All(c => c is not ('[' or ']')));
}
