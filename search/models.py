"""The search index kept in the database, and the durable queue of Elasticsearch updates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One live, public page as the search service sees it; Elasticsearch is fed from these rows too."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    content_type = models.CharField(max_length=20, db_index=True)
    date = models.DateTimeField(null=True, db_index=True)
    expire_at = models.DateTimeField(null=True, blank=True)
    #: Lower-case tokens of the title and the text, space-separated with a space at each end,
    #: parts separated by “ | ” so that a phrase never spans two parts.
    title_text = models.TextField(default="")
    title_folded = models.TextField(default="")
    text = models.TextField(default="")
    folded = models.TextField(default="")
    #: The document as built by `search.documents`, without the texts kept in their own columns.
    document = models.JSONField(default=dict)
    #: The text highlights are cut from (the document's `content`).
    content = models.TextField(default="")
    checksum = models.CharField(max_length=40, default="")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["date", "page"], name="search_doc_date"),
            # Covers counting and date ordering without reading the long text columns.
            models.Index(fields=["expire_at", "content_type", "date", "page"], name="search_doc_visible"),
        ]

    def __str__(self) -> str:
        return self.document.get("title", str(self.page_id))


class SearchFacet(models.Model):
    """One facet key of a document: `("field", "nong-nghiep")`, `("locality", "tan-bien")`…"""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("facet value")
        verbose_name_plural = _("facet values")
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_lookup"),
            models.Index(fields=["document", "facet", "value"], name="search_facet_document"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchTerms(models.Model):
    """A document's term bag (`search.fulltext`): a narrow table, so a broad word never reads the wide rows."""

    document = models.OneToOneField(SearchDocument, primary_key=True, on_delete=models.CASCADE, related_name="term_bag")
    terms = models.TextField(default="")

    class Meta:
        verbose_name = _("document term bag")
        verbose_name_plural = _("document term bags")

    def __str__(self) -> str:
        return str(self.document_id)


class SearchWord(models.Model):
    """A word as written (`nguyện`) or folded (`~nguyen`) and how many documents hold it (`search.vocabulary`)."""

    term = models.CharField(max_length=130, primary_key=True)
    folded = models.CharField(max_length=130, db_index=True)
    documents = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.term


class SearchIndexState(models.Model):
    """A single row: the index's generation, renewed by triggers on every write of a document row."""

    generation = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("index state")
        verbose_name_plural = _("index states")

    def __str__(self) -> str:
        return self.generation


class IndexOperation(models.Model):
    """A change of one page's Elasticsearch document, queued in the content change's transaction until sent."""

    class Action(models.TextChoices):
        UPSERT = "upsert", _("update")
        DELETE = "delete", _("delete")

    page_id = models.BigIntegerField(db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    #: After a failed replay: not tried again (by the sweep) before this time, backing off.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("index operation")
        verbose_name_plural = _("index operations")
        indexes = [models.Index(fields=["done_at", "id"], name="search_op_pending")]

    def __str__(self) -> str:
        return f"{self.action} {self.page_id}"
