using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// DKIM (RFC 6376) for every mail we send, when <c>Smtp:Dkim</c> names a domain, a selector and a
/// private key; off otherwise. Signing here rather than at the relay lets an installation without its
/// own mail server still sign as the town's domain.
/// </summary>
public sealed class MailSigner(IOptions<SmtpOptions> options)
{
    // Headers a receiver shows or acts on. RFC 8058 asks for List-Unsubscribe(-Post) to be signed, so a
    // one-click address cannot be swapped in transit.
    private static readonly HeaderId[] Signed =
    [
        HeaderId.From, HeaderId.Sender, HeaderId.ReplyTo, HeaderId.To, HeaderId.Cc, HeaderId.Subject, HeaderId.Date,
        HeaderId.MessageId, HeaderId.MimeVersion, HeaderId.ContentType, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly Lazy<AsymmetricKeyParameter?> key = new(() => LoadKey(options.Value.Dkim));

    public bool Enabled => key.Value is not null;

    /// <summary>Adds the DKIM-Signature header; the message must not change afterwards.</summary>
    public void Sign(MimeMessage message)
    {
        if (key.Value is not { } privateKey)
            return;
        var dkim = options.Value.Dkim;
        // A signer per message: it is cheap next to the RSA signature, and holds no state between mails.
        var signer = new DkimSigner(privateKey, dkim.Domain!, dkim.Selector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        // Fix the transfer encodings first, so what relays see is what was signed.
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, Signed);
    }

    private static AsymmetricKeyParameter? LoadKey(DkimOptions dkim)
    {
        if (string.IsNullOrWhiteSpace(dkim.Domain) || string.IsNullOrWhiteSpace(dkim.Selector))
            return null;
        var pem = !string.IsNullOrWhiteSpace(dkim.PrivateKey) ? dkim.PrivateKey
            : !string.IsNullOrWhiteSpace(dkim.PrivateKeyFile) ? File.ReadAllText(dkim.PrivateKeyFile)
            : throw new InvalidOperationException("Smtp:Dkim needs PrivateKey or PrivateKeyFile besides Domain and Selector.");
        using var reader = new StringReader(pem);
        return new PemReader(reader).ReadObject() switch
        {
            AsymmetricCipherKeyPair pair => pair.Private, // PKCS#1 ("BEGIN RSA PRIVATE KEY")
            AsymmetricKeyParameter { IsPrivate: true } single => single, // PKCS#8 ("BEGIN PRIVATE KEY")
            _ => throw new InvalidOperationException("Smtp:Dkim's key is not a PEM private key."),
        };
    }
}

public sealed class DkimOptions
{
    /// <summary>The d= domain (usually the domain of <see cref="SmtpOptions.FromAddress"/>). Empty: no signing.</summary>
    public string? Domain { get; set; }
    /// <summary>The s= selector: the public key is published at {Selector}._domainkey.{Domain}.</summary>
    public string? Selector { get; set; }
    /// <summary>The RSA private key as PEM text (PKCS#1 or PKCS#8)…</summary>
    public string? PrivateKey { get; set; }
    /// <summary>…or the path of a PEM file holding it.</summary>
    public string? PrivateKeyFile { get; set; }
}
