using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery.Email;

/// <summary>
/// DKIM signing (Smtp:Dkim): every mail the app sends — confirmations and post mails alike — arrives at
/// the SMTP server with a signature that MimeKit's verifier accepts with the public key, and rejects
/// once the body or a signed header was changed.
/// </summary>
public sealed class DkimTests(DkimApp app) : IClassFixture<DkimApp>
{
    [Fact]
    public async Task MailsArriveSignedAndTamperingBreaksTheSignature()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var email = Unique.Name("signiert") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, email);
        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        var confirmation = app.Mail.MessagesTo(email)[0];
        var postMail = Assert.Single(app.PostMailsTo(email, post.Slug));
        var signature = postMail.Headers[HeaderId.DkimSignature];
        Assert.Contains("d=rathausplatz.test", signature);
        Assert.Contains("s=rp2026", signature);
        Assert.Contains("list-unsubscribe", signature!.ToLowerInvariant());
        Assert.True(await DkimKeys.VerifyAsync(confirmation, DkimApp.Keys.Public));
        Assert.True(await DkimKeys.VerifyAsync(postMail, DkimApp.Keys.Public));
        Assert.False(await DkimKeys.VerifyAsync(postMail, DkimKeys.Create().Public), "Another key does not verify it.");

        var body = DkimKeys.Reload(postMail);
        var text = body.BodyParts.OfType<TextPart>().First(p => p.IsPlain);
        text.Text = text.Text.Replace("Weiterlesen", "Jetzt hier klicken", StringComparison.Ordinal);
        Assert.False(await DkimKeys.VerifyAsync(body, DkimApp.Keys.Public), "A changed body fails.");
        var header = DkimKeys.Reload(postMail);
        header.Headers["List-Unsubscribe"] = "<https://evil.example/abmelden>";
        Assert.False(await DkimKeys.VerifyAsync(header, DkimApp.Keys.Public), "A changed unsubscribe address fails.");
    }

    [Fact]
    public void WithoutDomainAndSelectorNothingIsSigned()
    {
        var signer = new MailSigner(Options.Create(new SmtpOptions()));
        var message = new MimeMessage { Subject = "Hallo", Body = new TextPart("plain") { Text = "Text" } };
        message.From.Add(MailboxAddress.Parse("noreply@rathausplatz.test"));

        signer.Sign(message);

        Assert.False(signer.Enabled);
        Assert.Null(message.Headers[HeaderId.DkimSignature]);
    }

    [Fact]
    public async Task AKeyGivenAsPkcs1TextSignsToo()
    {
        var keys = DkimKeys.Create();
        var signer = new MailSigner(Options.Create(new SmtpOptions
        {
            Dkim = new DkimOptions { Domain = "example.org", Selector = "x", PrivateKey = keys.Rsa.ExportRSAPrivateKeyPem() },
        }));
        var message = new MimeMessage { Subject = "Hallo", Body = new TextPart("plain") { Text = "Grüße aus dem Rathaus" } };
        message.From.Add(MailboxAddress.Parse("noreply@example.org"));
        message.To.Add(MailboxAddress.Parse("anna@example.org"));

        signer.Sign(message);

        Assert.True(await DkimKeys.VerifyAsync(DkimKeys.Reload(message), keys.Public));
    }
}

/// <summary>The app with DKIM on: a key pair made for this run, the private key in a PEM file (PKCS#8).</summary>
public sealed class DkimApp() : RathausplatzApp(DatabaseProvider.Sqlite)
{
    public static readonly DkimKeys Keys = DkimKeys.Create();
    private static readonly string KeyFile = WriteKey();

    private static string WriteKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rathausplatz-dkim-{Environment.ProcessId}.pem");
        File.WriteAllText(path, Keys.Rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings() =>
    [
        new("Smtp:Dkim:Domain", "rathausplatz.test"),
        new("Smtp:Dkim:Selector", "rp2026"),
        new("Smtp:Dkim:PrivateKeyFile", KeyFile),
    ];
}

public sealed record DkimKeys(RSA Rsa, string Public)
{
    /// <summary>A fresh RSA pair; <see cref="Public"/> is the p= value a DNS TXT record would publish.</summary>
    public static DkimKeys Create()
    {
        var rsa = RSA.Create(2048);
        return new(rsa, Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The message as a receiver parses it from the bytes (a fresh copy to change).</summary>
    public static MimeMessage Reload(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    /// <summary>Checks the message's DKIM-Signature against <paramref name="publicKey"/> with MimeKit's verifier.</summary>
    public static Task<bool> VerifyAsync(MimeMessage message, string publicKey)
    {
        var index = message.Headers.IndexOf(HeaderId.DkimSignature);
        Assert.True(index >= 0, "The mail carries a DKIM-Signature.");
        return new DkimVerifier(new OneKey(publicKey)).VerifyAsync(message, message.Headers[index]);
    }

    private sealed class OneKey(string publicKey) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={publicKey}");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
