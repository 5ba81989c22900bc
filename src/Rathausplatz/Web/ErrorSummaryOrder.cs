using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Rathausplatz.Web;

/// <summary>
/// A page whose fields are not properties of its model (a survey's questions) names them in form order
/// itself: the model state keeps its keys in no particular order.
/// </summary>
public interface IHasFieldsInOrder
{
    IEnumerable<string> FieldsInOrder { get; }
}

/// <summary>
/// The error summary lists problems in the order the fields stand in the form (their order in the
/// bound input classes), not in the order validation happened to find them.
/// </summary>
public static class ErrorSummaryOrder
{
    public static List<(string Field, string Message)> InFormOrder(ModelStateDictionary state, ModelExplorer page)
    {
        var order = new List<string>();
        foreach (var property in page.Properties)
        {
            order.Add(property.Metadata.PropertyName ?? "");
            if (property.Metadata.IsComplexType && !property.Metadata.IsEnumerableType)
                order.AddRange(property.Properties.Select(p => $"{property.Metadata.PropertyName}.{p.Metadata.PropertyName}"));
        }
        if (page.Model is IHasFieldsInOrder fields)
            order.AddRange(fields.FieldsInOrder);
        return state
            .Where(e => e.Value!.Errors.Count > 0)
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .SelectMany(e => e.Value!.Errors.Select(x => (e.Key, x.ErrorMessage)))
            .ToList();
    }
}
