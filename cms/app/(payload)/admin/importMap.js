import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReviewFilter as ReviewFilter_c339fae7e64f26e7c20ed36a102b9290 } from '../../../components/ReviewFilter'
import { ReviewControls as ReviewControls_7f418926d21370bc53cb6c8b543c56f4 } from '../../../components/ReviewControls'
import { SiteStatus as SiteStatus_b554d51c40ca051cb980537ecf50af1c } from '../../../components/SiteStatus'
import { DeputyImport as DeputyImport_fa84e39766a04a983cc4098fcdd3e7a0 } from '../../../components/DeputyImport'
import { MessageReceipt as MessageReceipt_28c600423259c3a6a184301ed99eb557 } from '../../../components/MessageReceipt'
import { MessageDeadlineCell as MessageDeadlineCell_998568e5a3fa906373b1928c91ccf410 } from '../../../components/MessageDeadlineCell'
import { PromoteToCase as PromoteToCase_972fd4edca2fa6538760387c43ea29b3 } from '../../../components/PromoteToCase'
import { MessageVerificationCell as MessageVerificationCell_75ce2e9e2bcaf3279f68277d7ee82e08 } from '../../../components/MessageVerification'
import { MessageVerification as MessageVerification_75ce2e9e2bcaf3279f68277d7ee82e08 } from '../../../components/MessageVerification'
import { MessageQueue as MessageQueue_8f0ae018ac77e5972c93377dd5907fe2 } from '../../../components/MessageQueue'
import { FileTypeCell as FileTypeCell_c05611b6c110b9c4b1e9d9b8a37794e9 } from '../../../components/FileCells'
import { FileSizeCell as FileSizeCell_c05611b6c110b9c4b1e9d9b8a37794e9 } from '../../../components/FileCells'
import { OpinionSummary as OpinionSummary_0e177e4f5f9529df00c10e4167f93010 } from '../../../components/OpinionSummary'
import { ActivityBookings as ActivityBookings_3974e5a2fdd56b66ebcc5c057fb37269 } from '../../../components/ActivityBookings'
import { AuditDocumentCell as AuditDocumentCell_43e58a536d2520a9019ff62e08c0b4a7 } from '../../../components/AuditCells'
import { ChangedFieldsCell as ChangedFieldsCell_43e58a536d2520a9019ff62e08c0b4a7 } from '../../../components/AuditCells'
import { AuditExport as AuditExport_737aa906f2d135b93610a9b0a278b991 } from '../../../components/AuditExport'
import { SiteBuildStatus as SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a } from '../../../components/SiteBuildStatus'
import { Workbench as Workbench_446c298c5ef536ab468a049e4d0d8239 } from '../../../components/Workbench'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/ReviewFilter#ReviewFilter": ReviewFilter_c339fae7e64f26e7c20ed36a102b9290,
  "/components/ReviewControls#ReviewControls": ReviewControls_7f418926d21370bc53cb6c8b543c56f4,
  "/components/SiteStatus#SiteStatus": SiteStatus_b554d51c40ca051cb980537ecf50af1c,
  "/components/DeputyImport#DeputyImport": DeputyImport_fa84e39766a04a983cc4098fcdd3e7a0,
  "/components/MessageReceipt#MessageReceipt": MessageReceipt_28c600423259c3a6a184301ed99eb557,
  "/components/MessageDeadlineCell#MessageDeadlineCell": MessageDeadlineCell_998568e5a3fa906373b1928c91ccf410,
  "/components/PromoteToCase#PromoteToCase": PromoteToCase_972fd4edca2fa6538760387c43ea29b3,
  "/components/MessageVerification#MessageVerificationCell": MessageVerificationCell_75ce2e9e2bcaf3279f68277d7ee82e08,
  "/components/MessageVerification#MessageVerification": MessageVerification_75ce2e9e2bcaf3279f68277d7ee82e08,
  "/components/MessageQueue#MessageQueue": MessageQueue_8f0ae018ac77e5972c93377dd5907fe2,
  "/components/FileCells#FileTypeCell": FileTypeCell_c05611b6c110b9c4b1e9d9b8a37794e9,
  "/components/FileCells#FileSizeCell": FileSizeCell_c05611b6c110b9c4b1e9d9b8a37794e9,
  "/components/OpinionSummary#OpinionSummary": OpinionSummary_0e177e4f5f9529df00c10e4167f93010,
  "/components/ActivityBookings#ActivityBookings": ActivityBookings_3974e5a2fdd56b66ebcc5c057fb37269,
  "/components/AuditCells#AuditDocumentCell": AuditDocumentCell_43e58a536d2520a9019ff62e08c0b4a7,
  "/components/AuditCells#ChangedFieldsCell": ChangedFieldsCell_43e58a536d2520a9019ff62e08c0b4a7,
  "/components/AuditExport#AuditExport": AuditExport_737aa906f2d135b93610a9b0a278b991,
  "/components/SiteBuildStatus#SiteBuildStatus": SiteBuildStatus_22ed97a305e37e4dddb8d93e0889a36a,
  "/components/Workbench#Workbench": Workbench_446c298c5ef536ab468a049e4d0d8239,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
