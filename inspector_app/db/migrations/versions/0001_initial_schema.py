"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.Enum('inspector', 'quality_manager', 'merchant_manager', 'admin', name='role', native_enum=False, length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_users_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('display_name', name=op.f('uq_users_display_name')),
    sa.UniqueConstraint('uid', name=op.f('uq_users_uid'))
    )
    op.create_table('app_settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value_json', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_app_settings_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_app_settings_key')),
    sa.UniqueConstraint('uid', name=op.f('uq_app_settings_uid'))
    )
    op.create_table('brands',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_brands_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_brands')),
    sa.UniqueConstraint('name', name=op.f('uq_brands_name')),
    sa.UniqueConstraint('uid', name=op.f('uq_brands_uid'))
    )
    op.create_table('merchants',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('shop_id', sa.String(length=64), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('key_merchant', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('active', 'watch', 'suspended', 'eliminated', name='merchantstatus', native_enum=False, length=32), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_merchants_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merchants')),
    sa.UniqueConstraint('shop_id', name=op.f('uq_merchants_shop_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_merchants_uid'))
    )
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merchants_name'), ['name'], unique=False)

    op.create_table('report_archive',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=False),
    sa.Column('figures_json', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_report_archive_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_archive')),
    sa.UniqueConstraint('uid', name=op.f('uq_report_archive_uid'))
    )
    with op.batch_alter_table('report_archive', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_archive_kind'), ['kind'], unique=False)

    op.create_table('sampling_plans',
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('params_json', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'accepted', name='planstatus', native_enum=False, length=32), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_sampling_plans_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sampling_plans')),
    sa.UniqueConstraint('uid', name=op.f('uq_sampling_plans_uid'))
    )
    with op.batch_alter_table('sampling_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sampling_plans_period'), ['period'], unique=False)

    op.create_table('merchant_status_changes',
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.Enum('active', 'watch', 'suspended', 'eliminated', name='merchantstatus', native_enum=False, length=32), nullable=True),
    sa.Column('to_status', sa.Enum('active', 'watch', 'suspended', 'eliminated', name='merchantstatus', native_enum=False, length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_merchant_status_changes_created_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_merchant_status_changes_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merchant_status_changes')),
    sa.UniqueConstraint('uid', name=op.f('uq_merchant_status_changes_uid'))
    )
    with op.batch_alter_table('merchant_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merchant_status_changes_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('products',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('brand_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('listing_id', sa.String(length=64), nullable=True),
    sa.Column('list_price_cents', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['brand_id'], ['brands.id'], name=op.f('fk_products_brand_id_brands')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_products_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('listing_id', name=op.f('uq_products_listing_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_products_uid'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_brand_id'), ['brand_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_name'), ['name'], unique=False)

    op.create_table('work_orders',
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('complaint', 'after_sales', name='workorderkind', native_enum=False, length=32), nullable=False),
    sa.Column('order_ref', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=100), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=False),
    sa.Column('first_handled_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=200), nullable=False),
    sa.Column('source_key', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_work_orders_created_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_work_orders_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('source_key', name=op.f('uq_work_orders_source_key')),
    sa.UniqueConstraint('uid', name=op.f('uq_work_orders_uid'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('sampling_picks',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('stratum', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('weight', sa.Double(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_sampling_picks_created_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_sampling_picks_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['plan_id'], ['sampling_plans.id'], name=op.f('fk_sampling_picks_plan_id_sampling_plans')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sampling_picks_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sampling_picks')),
    sa.UniqueConstraint('uid', name=op.f('uq_sampling_picks_uid'))
    )
    with op.batch_alter_table('sampling_picks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sampling_picks_plan_id'), ['plan_id'], unique=False)

    op.create_table('purchases',
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('order_number', sa.String(length=64), nullable=True),
    sa.Column('ordered_at', sa.DateTime(), nullable=True),
    sa.Column('price_paid_cents', sa.Integer(), nullable=True),
    sa.Column('buyer_alias', sa.String(length=100), nullable=False),
    sa.Column('delivery_address', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('inspected_at', sa.DateTime(), nullable=True),
    sa.Column('inspector_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'ordered', 'received', 'inspected', 'cancelled', name='purchasestatus', native_enum=False, length=32), nullable=False),
    sa.Column('verdict', sa.Enum('pass', 'fail', name='verdict', native_enum=False, length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('plan_pick_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_purchases_created_by_id_users')),
    sa.ForeignKeyConstraint(['inspector_id'], ['users.id'], name=op.f('fk_purchases_inspector_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_purchases_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['plan_pick_id'], ['sampling_picks.id'], name=op.f('fk_purchases_plan_pick_id_sampling_picks')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_purchases_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchases')),
    sa.UniqueConstraint('order_number', name=op.f('uq_purchases_order_number')),
    sa.UniqueConstraint('uid', name=op.f('uq_purchases_uid'))
    )
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchases_inspector_id'), ['inspector_id'], unique=False)
        batch_op.create_index('ix_purchases_merchant_ordered', ['merchant_id', 'ordered_at'], unique=False)
        batch_op.create_index('ix_purchases_ordered_at_id', ['ordered_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchases_product_id'), ['product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purchases_status'), ['status'], unique=False)

    op.create_table('findings',
    sa.Column('purchase_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('product_quality', 'counterfeit_ip', 'false_advertising', 'wrong_item', 'missing_item', 'size_mismatch', 'packaging_damage', 'safety_hazard', 'expired_spoiled', 'other', name='findingcategory', native_enum=False, length=32), nullable=False),
    sa.Column('severity', sa.Enum('critical', 'major', 'minor', name='severity', native_enum=False, length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('expected', sa.Text(), nullable=False),
    sa.Column('observed', sa.Text(), nullable=False),
    sa.Column('rule_ref', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_findings_created_by_id_users')),
    sa.ForeignKeyConstraint(['purchase_id'], ['purchases.id'], name=op.f('fk_findings_purchase_id_purchases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings')),
    sa.UniqueConstraint('uid', name=op.f('uq_findings_uid'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index('ix_findings_category_severity', ['category', 'severity'], unique=False)
        batch_op.create_index('ix_findings_created_id', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_findings_purchase', ['purchase_id'], unique=False)

    op.create_table('rectification_cases',
    sa.Column('case_number', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('open', 'notified', 'responded', 'rectifying', 'awaiting_verification', 'escalated', 'closed', 'cancelled', 'waived', name='casestatus', native_enum=False, length=32), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('response_text', sa.Text(), nullable=False),
    sa.Column('root_cause', sa.Text(), nullable=False),
    sa.Column('corrective_action', sa.Text(), nullable=False),
    sa.Column('preventive_action', sa.Text(), nullable=False),
    sa.Column('response_date', sa.Date(), nullable=True),
    sa.Column('verification_result', sa.Enum('passed', 'failed', name='verificationresult', native_enum=False, length=32), nullable=True),
    sa.Column('verification_note', sa.Text(), nullable=False),
    sa.Column('verification_purchase_id', sa.Integer(), nullable=True),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('notified_at', sa.DateTime(), nullable=True),
    sa.Column('first_response_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_rectification_cases_assignee_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_rectification_cases_created_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_rectification_cases_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['verification_purchase_id'], ['purchases.id'], name=op.f('fk_rectification_cases_verification_purchase_id_purchases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_cases')),
    sa.UniqueConstraint('case_number', name=op.f('uq_rectification_cases_case_number')),
    sa.UniqueConstraint('uid', name=op.f('uq_rectification_cases_uid')),
    sa.UniqueConstraint('year', 'sequence', name='uq_rectification_cases_year_sequence')
    )
    with op.batch_alter_table('rectification_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_cases_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index('ix_rectification_cases_status_due', ['status', 'due_date'], unique=False)

    op.create_table('case_events',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=32), nullable=True),
    sa.Column('to_status', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_case_events_actor_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['rectification_cases.id'], name=op.f('fk_case_events_case_id_rectification_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_case_events_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events')),
    sa.UniqueConstraint('uid', name=op.f('uq_case_events_uid'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('case_findings',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['rectification_cases.id'], name=op.f('fk_case_findings_case_id_rectification_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_case_findings_created_by_id_users')),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_case_findings_finding_id_findings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_findings')),
    sa.UniqueConstraint('case_id', 'finding_id', name='uq_case_findings_pair'),
    sa.UniqueConstraint('uid', name=op.f('uq_case_findings_uid'))
    )
    with op.batch_alter_table('case_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_findings_finding_id'), ['finding_id'], unique=False)

    op.create_table('photos',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=50), nullable=False),
    sa.Column('byte_size', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(), nullable=True),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('role', sa.Enum('evidence', 'rectification', 'verification', name='photorole', native_enum=False, length=32), nullable=False),
    sa.Column('annotations_json', sa.Text(), nullable=False),
    sa.Column('purchase_id', sa.Integer(), nullable=True),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('(CASE WHEN purchase_id IS NULL THEN 0 ELSE 1 END + CASE WHEN finding_id IS NULL THEN 0 ELSE 1 END + CASE WHEN case_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_photos_one_owner')),
    sa.ForeignKeyConstraint(['case_id'], ['rectification_cases.id'], name=op.f('fk_photos_case_id_rectification_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_photos_created_by_id_users')),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_photos_finding_id_findings')),
    sa.ForeignKeyConstraint(['purchase_id'], ['purchases.id'], name=op.f('fk_photos_purchase_id_purchases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos')),
    sa.UniqueConstraint('uid', name=op.f('uq_photos_uid'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photos_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_finding_id'), ['finding_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_purchase_id'), ['purchase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photos_sha256'), ['sha256'], unique=False)

    _case_events_append_only()



def downgrade() -> None:
    _drop_append_only()
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photos_sha256'))
        batch_op.drop_index(batch_op.f('ix_photos_purchase_id'))
        batch_op.drop_index(batch_op.f('ix_photos_finding_id'))
        batch_op.drop_index(batch_op.f('ix_photos_case_id'))

    op.drop_table('photos')
    with op.batch_alter_table('case_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_findings_finding_id'))

    op.drop_table('case_findings')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))

    op.drop_table('case_events')
    with op.batch_alter_table('rectification_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_rectification_cases_status_due')
        batch_op.drop_index(batch_op.f('ix_rectification_cases_merchant_id'))

    op.drop_table('rectification_cases')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_purchase')
        batch_op.drop_index('ix_findings_created_id')
        batch_op.drop_index('ix_findings_category_severity')

    op.drop_table('findings')
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchases_status'))
        batch_op.drop_index(batch_op.f('ix_purchases_product_id'))
        batch_op.drop_index('ix_purchases_ordered_at_id')
        batch_op.drop_index('ix_purchases_merchant_ordered')
        batch_op.drop_index(batch_op.f('ix_purchases_inspector_id'))

    op.drop_table('purchases')
    with op.batch_alter_table('sampling_picks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sampling_picks_plan_id'))

    op.drop_table('sampling_picks')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_orders_merchant_id'))

    op.drop_table('work_orders')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_name'))
        batch_op.drop_index(batch_op.f('ix_products_brand_id'))

    op.drop_table('products')
    with op.batch_alter_table('merchant_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merchant_status_changes_merchant_id'))

    op.drop_table('merchant_status_changes')
    with op.batch_alter_table('sampling_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sampling_plans_period'))

    op.drop_table('sampling_plans')
    with op.batch_alter_table('report_archive', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_archive_kind'))

    op.drop_table('report_archive')
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merchants_name'))

    op.drop_table('merchants')
    op.drop_table('brands')
    op.drop_table('app_settings')
    op.drop_table('users')



_SQLITE_TRIGGERS = (
    "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events "
    "BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END",
    "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
    "BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END",
)

_PG_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'case events are append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events "
    "FOR EACH ROW EXECUTE FUNCTION case_events_append_only()",
)


def _case_events_append_only() -> None:
    """The history of a case can only grow: the database itself refuses UPDATE and DELETE."""
    dialect = op.get_bind().dialect.name
    for sql in _SQLITE_TRIGGERS if dialect == "sqlite" else _PG_TRIGGERS if dialect == "postgresql" else ():
        op.execute(sql)


def _drop_append_only() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS case_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS case_events_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS case_events_no_change ON case_events")
        op.execute("DROP FUNCTION IF EXISTS case_events_append_only()")
