using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Rathausplatz.Web;

/// <summary>
/// One KERN form field: label, optional hint, input and the server's error messages, wired with
/// <c>aria-describedby</c> and <c>aria-invalid</c>. <c>&lt;kern-field for="Input.Email" type="email" /&gt;</c>.
/// </summary>
[HtmlTargetElement("kern-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KernFieldTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    /// <summary>A label other than the property's display name (a localizer key).</summary>
    public string? Label { get; set; }
    public string? Autocomplete { get; set; }
    /// <summary>Render a multi-line text area with this many rows instead of an input.</summary>
    public int Rows { get; set; }
    /// <summary>Marks the field as required where only some types of a form need it (no [Required] on the property).</summary>
    public bool Required { get; set; }
    /// <summary>The field's name where the page binds the property under another one (query strings: <c>[BindProperty(Name = "von")]</c>).</summary>
    public string? Name { get; set; }

    [HtmlAttributeNotBound, ViewContext]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var required = Required || For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any();
        var maxLength = For.Metadata.ValidatorMetadata.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength;
        var value = Type == "password" ? null : entry?.AttemptedValue ?? FormatValue(For.Model);
        var enc = HtmlEncoder.Default;

        var describedBy = new List<string>();
        if (Hint is not null) describedBy.Add(id + "-hint");
        if (errors.Count > 0) describedBy.Add(id + "-error");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "kern-form-input kern-form-input--error" : "kern-form-input");

        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"kern-label\" for=\"{id}\">{enc.Encode(Label is null ? For.Metadata.GetDisplayName() : text[Label])}");
        if (!required) html.Append($" <span class=\"kern-label__optional\">– {enc.Encode(text["optional"])}</span>");
        html.Append("</label>");
        if (Hint is not null) html.Append($"<div class=\"kern-hint\" id=\"{id}-hint\">{enc.Encode(text[Hint])}</div>");

        var inputClass = errors.Count > 0 ? "kern-form-input__input kern-form-input__input--error" : "kern-form-input__input";
        var common = $"class=\"{inputClass}\" id=\"{id}\" name=\"{enc.Encode(name)}\""
            + (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
            + (errors.Count > 0 ? " aria-invalid=\"true\"" : "")
            + (required ? " aria-required=\"true\"" : "")
            + (maxLength is { } max ? $" maxlength=\"{max}\"" : "")
            + (Autocomplete is not null ? $" autocomplete=\"{enc.Encode(Autocomplete)}\"" : "");
        if (Rows > 0)
            html.Append($"<textarea {common} rows=\"{Rows}\">{enc.Encode(value ?? "")}</textarea>");
        else
            html.Append($"<input {common} type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value ?? "")}\">");

        if (errors.Count > 0)
        {
            html.Append($"<p class=\"kern-error\" id=\"{id}-error\"><span class=\"kern-icon kern-icon--danger kern-icon--small\" aria-hidden=\"true\"></span><span class=\"kern-body\">");
            html.Append(string.Join(" ", errors.Select(enc.Encode)));
            html.Append("</span></p>");
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    // Date inputs take ISO values whatever the page's language; ToString() would give "26.11.2026 10:00:00".
    private string? FormatValue(object? model) => model switch
    {
        DateTime time when Type == "date" => time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        _ => model?.ToString(),
    };
}
