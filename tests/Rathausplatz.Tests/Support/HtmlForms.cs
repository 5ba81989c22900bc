using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rathausplatz.Tests.Support;

/// <summary>Reads pages with a real HTML parser and submits their forms the way a browser does.</summary>
public static class HtmlPages
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    /// <summary>GETs a page and parses it; anything but 200 fails the test with the start of the answer.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return await ParseAsync(response.RequestMessage!.RequestUri!, html);
    }

    public static Task<IDocument> ParseAsync(Uri address, string html) =>
        Browser.OpenAsync(request => request.Content(html).Address(address));

    /// <summary>The form that <paramref name="selector"/> finds; fails the test when there is none.</summary>
    public static HtmlForm Form(this IDocument page, string selector = "main form")
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector);
        Assert.True(form is not null, $"No form '{selector}' on {page.Url}.");
        return new HtmlForm(form);
    }

    /// <summary>The form whose submit button reads <paramref name="label"/>, found as a person would find it.</summary>
    public static HtmlForm FormWithButton(this IDocument page, string label)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelectorAll("button, input[type=submit]")
                .Any(b => b.TextContent.Trim() == label || b.GetAttribute("value") == label));
        Assert.True(form is not null, $"No form with a button '{label}' on {page.Url}.");
        return new HtmlForm(form);
    }
}

/// <summary>
/// One form of a parsed page. Hidden fields, among them the antiforgery token, go along as they are;
/// tests fill in the visible ones with <see cref="Set"/>.
/// </summary>
public sealed class HtmlForm(IHtmlFormElement form)
{
    public IHtmlFormElement Element => form;

    /// <summary>Types <paramref name="value"/> into the field <paramref name="name"/>, chooses it in a list, or ticks it.</summary>
    public HtmlForm Set(string name, string value)
    {
        var field = form.Elements[name];
        switch (field)
        {
            case IHtmlInputElement { Type: "checkbox" or "radio" }:
                var box = form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == name && i.Value == value);
                Assert.True(box is not null, $"The form has no {name} box with value '{value}'.");
                box.IsChecked = true;
                break;
            case IHtmlInputElement input:
                input.Value = value;
                break;
            case IHtmlTextAreaElement area:
                area.Value = value;
                break;
            case IHtmlSelectElement select:
                select.Value = value;
                break;
            default:
                Assert.Fail($"The form {form.Action} has no field '{name}'.");
                break;
        }
        return this;
    }

    /// <summary>Submits with the given button (a CSS selector within the form) or, without one, as pressing Enter does.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? button = null)
    {
        var submitter = button is null ? null : form.QuerySelector<IHtmlElement>(button);
        Assert.True(button is null || submitter is not null, $"The form has no button '{button}'.");
        var submission = form.GetSubmission(submitter!);
        Assert.True(submission is not null, "The browser would not submit this form.");

        var request = new HttpRequestMessage(new HttpMethod(submission.Method.ToString().ToUpperInvariant()), submission.Target.Href);
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(submission.MimeType ?? "application/x-www-form-urlencoded");
        }
        return await client.SendAsync(request);
    }
}
