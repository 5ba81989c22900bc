using System.Net;

namespace Rathausplatz.Tests.Support;

/// <summary>The form helper sends what a browser sends, so page tests can trust it.</summary>
public sealed class HtmlFormTests
{
    private const string Page = """
        <form method="post" action="/accounts/signin?returnUrl=%2F">
          <input type="hidden" name="__RequestVerificationToken" value="token-from-the-page">
          <input name="Input.Email" value="">
          <input type="checkbox" name="Input.RememberMe" value="true">
          <input type="checkbox" name="Input.Unticked" value="true">
          <select name="Input.Language"><option value="de" selected>Deutsch</option><option value="en">English</option></select>
          <input name="Input.Disabled" value="x" disabled>
          <button type="submit" name="handler" value="password">Anmelden</button>
        </form>
        """;

    [Fact]
    public async Task ASubmittedFormCarriesTheHiddenTokenTheFilledFieldsAndTheButtonPressed()
    {
        var page = await HtmlPages.ParseAsync(new Uri("https://stadt.test/accounts/signin"), Page);
        var sent = new CapturingHandler();
        using var client = new HttpClient(sent) { BaseAddress = new Uri("https://stadt.test/") };

        await page.FormWithButton("Anmelden")
            .Set("Input.Email", "bea@example.org")
            .Set("Input.RememberMe", "true")
            .Set("Input.Language", "en")
            .SubmitAsync(client, "button[name=handler]");

        Assert.Equal(HttpMethod.Post, sent.Request!.Method);
        Assert.Equal("https://stadt.test/accounts/signin?returnUrl=%2F", sent.Request.RequestUri!.ToString());
        Assert.Equal("application/x-www-form-urlencoded", sent.Request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(
            "__RequestVerificationToken=token-from-the-page&Input.Email=bea%40example.org&Input.RememberMe=true&Input.Language=en&handler=password",
            sent.Body);
    }

    [Fact]
    public async Task CheckTicksExactlyTheGivenBoxesARadioChoiceClearsTheOthersAndTamperSendsAnything()
    {
        var page = await HtmlPages.ParseAsync(new Uri("https://stadt.test/admin/members/1"), """
            <form method="post" action="/admin/members/1">
              <input type="checkbox" name="SelectedRoles" value="citizen" checked>
              <input type="checkbox" name="SelectedRoles" value="staff">
              <input type="checkbox" name="SelectedRoles" value="editor" checked>
              <input type="radio" name="Language" value="de" checked>
              <input type="radio" name="Language" value="en">
              <input type="checkbox" name="Accept" value="true">
              <button type="submit">Speichern</button>
            </form>
            """);
        var sent = new CapturingHandler();
        using var client = new HttpClient(sent) { BaseAddress = new Uri("https://stadt.test/") };

        await page.FormWithButton("Speichern")
            .Check("SelectedRoles", "staff")
            .Set("Language", "en")
            .Tamper("Accept", "vielleicht")
            .SubmitAsync(client);

        Assert.Equal("SelectedRoles=staff&Language=en&Accept=vielleicht", sent.Body);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
