using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Fixes.Yaml;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Fixes.Providers;

/// <summary>
/// MP1001: with --hpa-strategy remove (the default) deletes the HPA's document or List item, its comments and
/// separator with it; with adopt, lets the ScaledObject take the HPA over (transfer-hpa-ownership annotation and
/// spec.advanced.horizontalPodAutoscalerConfig.name).
/// </summary>
public sealed class MP1001ScaledObjectHpaConflictFixProvider : CodeFixProvider
{
    public const string AdoptTemplate = "mp1001-adopt";
    public const string RemovedTemplate = "mp1001-removed";

    public override DiagnosticDescriptor Rule => MP1001ScaledObjectHpaConflict.Rule;

    public override string Description =>
        "Removes the HorizontalPodAutoscaler (its document or List item, with its comments and separator), or with --hpa-strategy adopt lets the ScaledObject adopt it.";

    public override FixResult GetFix(CodeFixContext context, Diagnostic diagnostic)
    {
        var hpaPath = Property(diagnostic, "hpaPath");
        var hpaName = Property(diagnostic, "hpa");
        var documentIndex = IntProperty(diagnostic, "hpaDocumentIndex");
        var itemIndex = IntProperty(diagnostic, "hpaListItemIndex");
        var hpa = context.Compilation.GetObjectsOfKind("HorizontalPodAutoscaler")
            .FirstOrDefault(o => o.Path == hpaPath && o.Document.Index == documentIndex && o.ListItemIndex == itemIndex && o.Name == hpaName);
        if (hpa is null)
        {
            return FixResult.NotFixable($"HorizontalPodAutoscaler/{hpaName} is not found in {hpaPath}");
        }

        var variables = new Dictionary<string, object?>
        {
            ["hpa"] = hpaName,
            ["scaled_object"] = Property(diagnostic, "scaledObject"),
            ["workload"] = Property(diagnostic, "workload"),
            ["namespace"] = Property(diagnostic, "namespace"),
        };

        try
        {
            return context.Options.HpaStrategy == HpaStrategy.Adopt
                ? Adopt(context, diagnostic, hpa, variables)
                : Remove(context, diagnostic, hpa, variables);
        }
        catch (Exception ex) when (ex is FragmentMergeException or FixTemplateException)
        {
            return FixResult.NotFixable(ex.Message);
        }
    }

    private static FixResult Remove(CodeFixContext context, Diagnostic diagnostic, ManifestObject hpa, Dictionary<string, object?> variables)
    {
        var title = $"Remove HorizontalPodAutoscaler/{hpa.Name}";
        if (hpa.ListItemIndex is { } item)
        {
            return RemoveListItem(diagnostic, hpa, item, title);
        }

        var tree = hpa.Tree;
        var region = YamlDocuments.Region(tree, hpa.Document.Index);
        var others = tree.Documents.Where(d => d.Index != hpa.Document.Index && d.Root is not null).ToList();
        if (others.Count > 0)
        {
            return FixResult.Of(new CodeFix(title, diagnostic, [new FileTextEdit(hpa.Path, TextEdit.Delete(region))]));
        }

        if (context.Options.AllowDelete)
        {
            return FixResult.Of(new CodeFix($"{title} by deleting {hpa.Path}", diagnostic, []) { DeletedFiles = [hpa.Path] });
        }

        if (YamlDocuments.IsJson(tree))
        {
            return FixResult.NotFixable($"{hpa.Path} holds only the HPA and is JSON, where no comment can stay; delete it with --allow-delete");
        }

        // The file held only the HPA: leave a comment saying where it went, rather than delete a file unasked.
        var comment = context.Templates.Render(RemovedTemplate, variables).TrimEnd('\n', '\r');
        if (comment.Split('\n').Any(line => !YamlText.IsBlankOrComment(line)))
        {
            return FixResult.NotFixable($"template {RemovedTemplate} must render comment lines only");
        }

        var text = tree.Text.Text;
        var whole = new TextSpan(region.Start, text.Length);
        var endsWithBreak = text.Length > 0 && text[^1] is '\n' or '\r';
        return FixResult.Of(new CodeFix(title, diagnostic, [new FileTextEdit(hpa.Path, new TextEdit(whole, comment + (endsWithBreak ? "\n" : string.Empty)))]));
    }

    private static FixResult RemoveListItem(Diagnostic diagnostic, ManifestObject hpa, int item, string title)
    {
        var items = (hpa.Node.Parent as SequenceNode)!;
        if (items.IsFlow)
        {
            return FixResult.NotFixable("the HPA is an item of a flow-style List; remove it by hand");
        }

        var text = hpa.Text;
        if (items.Items.Count == 1)
        {
            // The only item: the List keeps an empty items list.
            var itemsKey = (items.Parent as MappingNode)?.Entries.FirstOrDefault(e => ReferenceEquals(e.Value, items))?.Key;
            if (itemsKey is null)
            {
                return FixResult.NotFixable("the List's items key is not found");
            }

            var end = YamlText.LineEndOf(text, items.Span.End);
            return FixResult.Of(new CodeFix(title, diagnostic, [new FileTextEdit(hpa.Path, new TextEdit(new TextSpan(itemsKey.Span.End, end), ": []"))]));
        }

        var node = items.Items[item];
        var dash = node.Span.Start - 1;
        while (dash >= 0 && text.Text[dash] is ' ' or '\t')
        {
            dash--;
        }

        var lineStart = YamlText.LineStartOf(text, dash);
        if (dash < 0 || text.Text[dash] != '-' || text.Text[lineStart..dash].Trim().Length > 0)
        {
            return FixResult.NotFixable("the HPA's List item does not start on a line of its own");
        }

        var floor = item > 0 ? items.Items[item - 1].Span.End : items.Span.Start;
        var start = YamlText.ExtendOverLeadingComments(text, lineStart, floor);
        var stop = YamlText.NextLineStart(text, node.Span.End);
        return FixResult.Of(new CodeFix(title, diagnostic, [new FileTextEdit(hpa.Path, TextEdit.Delete(new TextSpan(start, stop)))]));
    }

    private static FixResult Adopt(CodeFixContext context, Diagnostic diagnostic, ManifestObject hpa, Dictionary<string, object?> variables)
    {
        var scaledObject = context.FindObjectAt(diagnostic.Location);
        if (scaledObject is null || scaledObject.Kind != "ScaledObject")
        {
            return FixResult.NotFixable("the ScaledObject of this finding is not found");
        }

        // A ScaledObject adopts one HPA. When several conflict, the first by name is adopted and the rest must go.
        var rivals = context.Diagnostics
            .Where(d => d.Id == diagnostic.Id && d.Location == diagnostic.Location)
            .Select(d => d.Properties.TryGetValue("hpa", out var name) ? name : string.Empty)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (rivals.Count > 1 && rivals[0] != hpa.Name)
        {
            return FixResult.NotFixable($"{scaledObject.DisplayName} can adopt only one HPA and adopts {rivals[0]}; remove {hpa.Name} with --hpa-strategy remove");
        }

        var fragment = context.Templates.Render(AdoptTemplate, variables);
        var edits = YamlFragmentMerger.Merge(scaledObject.Text, scaledObject.Node, fragment);
        if (edits.Count == 0)
        {
            return FixResult.NotFixable("the ScaledObject already adopts the HPA as the template asks");
        }

        return FixResult.Of(new CodeFix(
            $"Let {scaledObject.DisplayName} adopt HorizontalPodAutoscaler/{hpa.Name}",
            diagnostic,
            [.. edits.Select(e => new FileTextEdit(scaledObject.Path, e))]));
    }
}
