"""StreamField blocks for the public site. Each block renders with its own template in
``templates/blocks/``. No embeds from outside hosts: everything is served by the portal."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.durations import in_words

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        label=_("Tone"),
        choices=[("info", _("Information")), ("important", _("Important")), ("tip", _("Tip"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table_block.html"


class RetentionScheduleBlock(blocks.StaticBlock):
    """The retention schedule as the portal applies it: read from the same settings as
    ``apply_retention`` (``RETENTION_DAYS``), so the privacy notice and the portal never
    disagree."""

    class Meta:
        icon = "time"
        label = _("Retention schedule")
        admin_text = _("How long personal data is kept, from the portal's own settings.")
        template = "blocks/retention_schedule_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        days = settings.RETENTION_DAYS
        context["periods"] = [
            (
                _("Your name, phone number and e-mail address, what you wrote and where"),
                _(
                    "%(period)s after your case is closed; the case then stays only in the "
                    "anonymous statistics"
                )
                % {"period": in_words(days["closed_cases"])},
            ),
            (
                _("Photos, recordings and documents you sent"),
                _("%(period)s after your case is closed") % {"period": in_words(days["evidence"])},
            ),
            (
                _("Your tracking link and access code"),
                _("they stop working %(period)s after your case is closed")
                % {"period": in_words(settings.TRACKING_ACCESS_DAYS_AFTER_CLOSE)},
            ),
            (
                _("The SMS and e-mails we send you"),
                _("%(period)s after they were sent") % {"period": in_words(days["outbox"])},
            ),
            (
                _("Records of the SMS, USSD sessions and calls we receive"),
                in_words(days["gateway_records"]),
            ),
            (
                _("Records of which staff member looked at your case"),
                in_words(days["access_log"]),
            ),
        ]
        return context


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    table = TableBlock()
    retention_schedule = RetentionScheduleBlock()


class FindingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Finding"), max_length=200)
    detail = blocks.RichTextBlock(label=_("Detail"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "tick"
        template = "blocks/finding_block.html"


class KeyFindingsBlock(blocks.StreamBlock):
    finding = FindingBlock()
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    table = TableBlock()
