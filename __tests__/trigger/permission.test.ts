import { describe, expect, it } from '@jest/globals';
import { meetsPermission, permissionFromApi } from '../../src/trigger/permission.js';

describe('permissions', () => {
  it('orders none < read < triage < write < maintain < admin', () => {
    expect(meetsPermission('write', 'write')).toBe(true);
    expect(meetsPermission('maintain', 'write')).toBe(true);
    expect(meetsPermission('triage', 'write')).toBe(false);
    expect(meetsPermission('read', 'triage')).toBe(false);
    expect(meetsPermission('none', 'read')).toBe(false);
    expect(meetsPermission('admin', 'admin')).toBe(true);
  });

  it('reads the permission API, preferring the finer role_name', () => {
    expect(permissionFromApi({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
    expect(permissionFromApi({ permission: 'read', role_name: 'triage' })).toBe('triage');
    expect(permissionFromApi({ permission: 'admin', role_name: 'admin' })).toBe('admin');
    expect(permissionFromApi({ permission: 'write', role_name: 'custom-role' })).toBe('write');
  });

  it('fails closed on anything unrecognised', () => {
    expect(permissionFromApi(null)).toBe('none');
    expect(permissionFromApi({ permission: 'superuser' })).toBe('none');
    expect(permissionFromApi('admin')).toBe('none');
  });
});
