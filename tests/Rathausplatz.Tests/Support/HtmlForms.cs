using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io.Dom;

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

    /// <summary>The page an answer carries, whatever its status (a form shown again with its messages, an error page).</summary>
    public static async Task<IDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await ParseAsync(response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());

    /// <summary>The messages of the error summary at the top of a refused form, in order.</summary>
    public static IReadOnlyList<string> ErrorMessages(this IDocument page) =>
        page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>
    /// A post that no form of <paramref name="page"/> offers, as someone would hand-make it: the page's
    /// antiforgery token (so only the tampering is tested) and exactly the given fields.
    /// </summary>
    public static Task<HttpResponseMessage> PostHandMadeAsync(this HttpClient client, IDocument page, string path,
        params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        Assert.True(token is not null, $"{page.Url} carries no antiforgery token.");
        var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return client.PostAsync(path, content);
    }

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
            case IHtmlInputElement { Type: "radio" }:
                // Choosing one option of a group clears the others, as in a browser.
                Check(name, value);
                break;
            case IHtmlInputElement { Type: "checkbox" }:
                var box = Boxes(name).FirstOrDefault(i => i.Value == value);
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

    /// <summary>Ticks exactly the <paramref name="name"/> boxes with these values and clears the others.</summary>
    public HtmlForm Check(string name, params string[] values)
    {
        var boxes = Boxes(name);
        Assert.True(values.All(v => boxes.Any(b => b.Value == v)), $"The form has no {name} box for some of {string.Join(", ", values)}.");
        foreach (var box in boxes)
            box.IsChecked = values.Contains(box.Value);
        return this;
    }

    /// <summary>
    /// Sends <paramref name="value"/> as <paramref name="name"/> whatever the form offers there (a value
    /// no box has, a field that is not there), as a hand-made request could.
    /// </summary>
    public HtmlForm Tamper(string name, string value)
    {
        foreach (var element in form.Elements.OfType<IHtmlElement>().Where(e => e.GetAttribute("name") == name).ToList())
            element.Remove();
        var input = (IHtmlInputElement)form.Owner!.CreateElement("input");
        input.Type = "hidden";
        input.Name = name;
        input.Value = value;
        form.AppendChild(input);
        return this;
    }

    /// <summary>Chooses a file for the file field <paramref name="name"/>, as a person picking it on disk.</summary>
    public HtmlForm Attach(string name, string fileName, string contentType, byte[] content)
    {
        var input = form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == name && i.Type == "file");
        Assert.True(input is not null, $"The form has no file field '{name}'.");
        input.Files!.Clear();
        input.Files.Add(new ChosenFile(fileName, contentType, content));
        return this;
    }

    /// <summary>Chooses several files in one field (an input with "multiple"), as a browser sends them: in this order.</summary>
    public HtmlForm Attach(string name, params (string FileName, string ContentType, byte[] Content)[] files)
    {
        var input = form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == name && i.Type == "file");
        Assert.True(input is not null, $"The form has no file field '{name}'.");
        Assert.True(input.IsMultiple || files.Length <= 1, $"The file field '{name}' takes one file.");
        input.Files!.Clear();
        foreach (var (fileName, contentType, content) in files)
            input.Files.Add(new ChosenFile(fileName, contentType, content));
        return this;
    }

    private List<IHtmlInputElement> Boxes(string name) =>
        form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == name && i.Type is "checkbox" or "radio").ToList();

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
            // Buffered, so the request announces its Content-Length as a browser's form post does.
            using var body = new MemoryStream();
            await submission.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(submission.MimeType ?? "application/x-www-form-urlencoded");
        }
        return await client.SendAsync(request);
    }
}

/// <summary>A file as a browser reads it from disk for an upload.</summary>
internal sealed class ChosenFile(string name, string type, byte[] content) : IFile
{
    public string Name => name;
    public DateTime LastModified => default;
    public int Length => content.Length;
    public string Type => type;
    public bool IsClosed => false;
    public Stream Body => new MemoryStream(content, writable: false);

    public IBlob Slice(int start = 0, int end = int.MaxValue, string? contentType = null) =>
        new ChosenFile(name, contentType ?? type, content[start..Math.Min(end, content.Length)]);

    public void Close() { }

    public void Dispose() { }
}
