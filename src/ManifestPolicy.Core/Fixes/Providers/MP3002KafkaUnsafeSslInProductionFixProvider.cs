using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Fixes.Yaml;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Providers;

/// <summary>
/// MP3002: sets unsafeSsl to "false". With --ca-secret it also gives the trigger the CA: a TriggerAuthentication that
/// reads 'ca' from the Secret (rendered after the ScaledObject), referenced from the trigger; or, when the trigger
/// already has a TriggerAuthentication in the inputs, a secretTargetRef entry added to it.
/// </summary>
public sealed class MP3002KafkaUnsafeSslInProductionFixProvider : CodeFixProvider
{
    public const string ValueTemplate = "mp3002-unsafe-ssl";
    public const string AuthenticationTemplate = "mp3002-trigger-authentication";
    public const string TriggerTemplate = "mp3002-trigger";
    public const string CaEntryTemplate = "mp3002-ca-entry";

    public override DiagnosticDescriptor Rule => MP3002KafkaUnsafeSslInProduction.Rule;

    public override string Description =>
        "Sets unsafeSsl to \"false\". With --ca-secret NAME[:KEY], also adds a TriggerAuthentication that supplies the 'ca' parameter from that Secret and points the trigger's authenticationRef at it (or adds the entry to the TriggerAuthentication the trigger already uses).";

    public override FixResult GetFix(CodeFixContext context, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.Path;
        var tree = context.FindTree(path);
        var scalar = tree is null ? null : YamlText.FindScalarAt(tree, diagnostic.Location.Span.Start);
        if (tree is null || scalar is null || scalar.Span != diagnostic.Location.Span)
        {
            return FixResult.NotFixable("the unsafeSsl value is not found in the file");
        }

        if (scalar.Anchor is not null)
        {
            return FixResult.NotFixable($"the unsafeSsl value is anchored (&{scalar.Anchor}) and may be shared");
        }

        var newValue = context.Templates.Render(ValueTemplate, new Dictionary<string, object?>()).Trim();
        if (GoBool.IsTrue(newValue))
        {
            return FixResult.NotFixable($"template {ValueTemplate} renders '{newValue}', which keeps verification off");
        }

        var style = scalar.Style is ScalarStyle.Plain ? ScalarStyle.DoubleQuoted : scalar.Style;
        var start = YamlText.ContentStart(tree.Text, scalar);
        var edits = new List<FileTextEdit>
        {
            new(path, new TextEdit(new TextSpan(start, scalar.Span.End), YamlScalarWriter.Write(newValue, style, YamlText.IsInFlow(scalar)))),
        };

        if (context.Options.CaSecret is not { } secret)
        {
            return FixResult.Of(new CodeFix("Set unsafeSsl to \"false\"", diagnostic, edits));
        }

        var owner = context.FindObjectAt(diagnostic.Location);
        var triggerIndex = IntProperty(diagnostic, "triggerIndex");
        var trigger = owner is null ? null : KedaTrigger.Of(owner).FirstOrDefault(t => t.Index == triggerIndex);
        if (owner is null || trigger is null)
        {
            return FixResult.NotFixable("the trigger of this unsafeSsl is not found");
        }

        try
        {
            AddCa(context, owner, trigger, secret, edits);
        }
        catch (Exception ex) when (ex is FragmentMergeException or FixTemplateException)
        {
            return FixResult.NotFixable($"the CA cannot be added: {ex.Message}");
        }

        return FixResult.Of(new CodeFix($"Set unsafeSsl to \"false\" and verify the brokers with the CA in Secret {secret.Name}", diagnostic, edits));
    }

    private static void AddCa(CodeFixContext context, ManifestObject owner, KedaTrigger trigger, CaSecret secret, List<FileTextEdit> edits)
    {
        // KEDA only uses the CA with TLS on; when nothing switches TLS on, the fix does, in the trigger metadata.
        var tls = trigger.GetMetadata("tls") ?? ResolvedTls(context, trigger);
        var addTls = tls is null;
        var variables = new Dictionary<string, object?>
        {
            ["scaled_object"] = owner.Name,
            ["namespace"] = owner.HasExplicitNamespace ? owner.Namespace : null,
            ["secret"] = secret.Name,
            ["key"] = secret.Key,
            ["add_tls"] = addTls,
        };

        if (trigger.AuthenticationRef is not null)
        {
            var authentications = TriggerAuthenticationResolver.FindAuthentication(context.Compilation, trigger);
            if (authentications.Count == 0)
            {
                throw new FragmentMergeException($"the trigger's authenticationRef names {trigger.AuthenticationRef.GetString("name")}, which is not among the inputs");
            }

            var authentication = authentications[0];
            var resolved = TriggerAuthenticationResolver.Resolve(context.Compilation, trigger, "ca");
            if (resolved.State != AuthParameterState.NotSupplied)
            {
                throw new FragmentMergeException($"{authentication.DisplayName} already supplies 'ca'");
            }

            variables["name"] = authentication.Name;
            var entry = context.Templates.Render(CaEntryTemplate, variables);
            foreach (var edit in YamlFragmentMerger.Merge(authentication.Text, authentication.Node, entry))
            {
                edits.Add(new FileTextEdit(authentication.Path, edit));
            }

            variables["add_ref"] = false;
            AddToTrigger(context, owner, trigger, variables, edits);
            return;
        }

        var name = $"{owner.Name}-kafka-ca";
        variables["name"] = name;
        var existing = context.Compilation.Find("TriggerAuthentication", owner.Namespace, name);
        if (existing.Count == 0)
        {
            var document = context.Templates.Render(AuthenticationTemplate, variables);
            edits.Add(new FileTextEdit(owner.Path, YamlDocuments.InsertAfter(owner.Tree, owner.Document.Index, document)));
        }

        variables["add_ref"] = true;
        AddToTrigger(context, owner, trigger, variables, edits);
    }

    private static void AddToTrigger(CodeFixContext context, ManifestObject owner, KedaTrigger trigger, Dictionary<string, object?> variables, List<FileTextEdit> edits)
    {
        var fragment = context.Templates.Render(TriggerTemplate, variables);
        foreach (var edit in YamlFragmentMerger.Merge(owner.Text, trigger.Node, fragment))
        {
            edits.Add(new FileTextEdit(owner.Path, edit));
        }
    }

    private static string? ResolvedTls(CodeFixContext context, KedaTrigger trigger)
    {
        var parameter = TriggerAuthenticationResolver.Resolve(context.Compilation, trigger, "tls");
        return parameter.State == AuthParameterState.NotSupplied ? null : parameter.Value ?? "unknown";
    }
}
