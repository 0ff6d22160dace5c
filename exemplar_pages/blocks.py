"""StreamField blocks for plan sections and story bodies."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "hr"]


class HeadingBlock(blocks.StructBlock):
    """A numbered heading: “I. MỤC ĐÍCH, YÊU CẦU”, “1. Mục đích”, “a) …”."""

    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("2", _("Major section (I., II.)")), ("3", _("Section (1., 2.)")), ("4", _("Subsection (a, b)"))],
        default="2",
    )
    number = blocks.CharBlock(label=_("Sequence number"), required=False, max_length=20)
    text = blocks.CharBlock(label=_("Title"), max_length=500)

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "blocks/heading_block.html"
        preview_value = {"level": "2", "number": "I.", "text": "MỤC ĐÍCH, YÊU CẦU"}


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of sanitised rich text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Tuyên truyền sâu rộng tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh.</p>"


class BulletListBlock(blocks.ListBlock):
    """A list of items, as the “- …” lines of a plan."""

    def __init__(self, **kwargs):
        super().__init__(blocks.TextBlock(label=_("Bullet point")), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Bullet list")
        template = "blocks/bullet_list_block.html"
        preview_value = ["Xây dựng kế hoạch tổ chức các hoạt động chung.", "Tổ chức giao lưu điển hình."]


class ImageBlock(blocks.StructBlock):
    """An image with its alternative text and caption."""

    image = ImageChooserBlock(label=_("Photo"))
    alt_text = blocks.CharBlock(
        label=_("Image description (for visually impaired readers)"),
        max_length=255,
        help_text=_("Required for accessibility."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its speaker."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Speaker"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {"quote": "Thi đua là yêu nước, yêu nước thì phải thi đua.", "attribution": "Hồ Chí Minh"}


#: The table editor's context menu (Handsontable has no Vietnamese of its own), named in the editor's language.
TABLE_MENU = (
    ("row_above", _("Insert a row above")),
    ("row_below", _("Insert a row below")),
    ("separator_rows", None),
    ("col_left", _("Insert a column to the left")),
    ("col_right", _("Insert a column to the right")),
    ("separator_columns", None),
    ("remove_row", _("Remove the row")),
    ("remove_col", _("Remove the column")),
    ("separator_undo", None),
    ("undo", _("Undo")),
    ("redo", _("Redo")),
)


class PlanTableBlock(TableBlock):
    """A table as the plan sets it out (tasks, units and deadlines), its first row the heading."""

    @cached_property
    def field(self):
        """The editor's field, its menu named when first shown (in a request, in the editor's language)."""
        items = {key: {"name": str(label)} if label else "---------" for key, label in TABLE_MENU}
        self.table_options = {**self.table_options, "language": "en-US", "contextMenu": {"items": items}}
        return super().field

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        preview_value = {
            "data": [
                ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành"],
                ["1", "Tổ chức Lễ phát động phong trào thi đua", "Văn phòng UBND xã", "Trước ngày 25/01/2026"],
            ],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        }


class PlanSectionsBlock(blocks.StreamBlock):
    """The body of a plan: numbered headings, paragraphs, lists and tables."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    bullet_list = BulletListBlock()
    table = PlanTableBlock()


class StoryBodyBlock(blocks.StreamBlock):
    """The body of an exemplar story."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    bullet_list = BulletListBlock()
    image = ImageBlock()
    quote = QuoteBlock()
